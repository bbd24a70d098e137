// The chapters and clauses of an instrument a person may see, in order. Pure: the home page's
// clause list and the exports both filter through here, so a clause restricted away from an
// organisation is missing from both alike — not shown, not counted, not hinted at (a chapter
// left with none of its clauses is not shown either; a chapter that has none yet is).
import { type Actor, can } from "@/lib/permissions/can";
import { effectiveRestriction } from "@/lib/permissions/restriction";

type Restrictions = { restrictions: { organizationId: string }[] };
type Flagged<T> = T & { restricted: boolean };
type VisibleChapter<Chapter extends Restrictions & { clauses: Restrictions[] }> = Flagged<Omit<Chapter, "clauses">> & {
  clauses: Flagged<Chapter["clauses"][number]>[];
};

export function visibleChapters<Chapter extends Restrictions & { clauses: Restrictions[] }>(
  actor: Actor,
  chapters: Chapter[],
): VisibleChapter<Chapter>[] {
  const shown: VisibleChapter<Chapter>[] = [];
  for (const chapter of chapters) {
    const chapterIds = chapter.restrictions.map((r) => r.organizationId);
    if (!can(actor, "clause.view", { restrictedTo: chapterIds.length > 0 ? chapterIds : null })) continue;
    const clauses: Chapter["clauses"] = chapter.clauses;
    const visible = clauses
      .filter((clause) =>
        can(actor, "clause.view", {
          restrictedTo: effectiveRestriction(
            chapterIds,
            clause.restrictions.map((r) => r.organizationId),
          ),
        }),
      )
      .map((clause) => ({ ...clause, restricted: clause.restrictions.length > 0 || chapterIds.length > 0 }));
    // A chapter whose every clause is restricted away would still hint that they exist.
    if (clauses.length > 0 && visible.length === 0) continue;
    shown.push({ ...chapter, restricted: chapterIds.length > 0, clauses: visible });
  }
  return shown;
}
