// The counts a page shows for its clauses, with each clause's own status applied.
import { loadMarkedProgress, shownProgress } from "./clause-progress";
import { type ClauseProgressCount, NO_PARAGRAPHS } from "./numbered-paragraphs";

type Status = "OPEN" | "AGREED_AD_REF" | "AGREED";

export async function loadShownProgress(
  clauses: readonly { id: string; status: Status }[],
): Promise<{ of(clauseId: string): ClauseProgressCount }> {
  const marked = await loadMarkedProgress(clauses.map((c) => c.id));
  const shown = new Map(clauses.map((c) => [c.id, shownProgress(marked.get(c.id) ?? NO_PARAGRAPHS, c.status)]));
  return { of: (clauseId) => shown.get(clauseId) ?? NO_PARAGRAPHS };
}
