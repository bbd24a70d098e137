// Which organisations may see a clause, from its own restriction and its chapter's. Pure.
// A clause in a restricted chapter that is itself restricted is seen only by organisations on
// both lists: restricting never widens who sees a thing.

/** null: no restriction (every participant sees it). */
export function effectiveRestriction(
  chapterOrganizationIds: readonly string[],
  clauseOrganizationIds: readonly string[],
): string[] | null {
  if (chapterOrganizationIds.length === 0 && clauseOrganizationIds.length === 0) return null;
  if (chapterOrganizationIds.length === 0) return [...clauseOrganizationIds];
  if (clauseOrganizationIds.length === 0) return [...chapterOrganizationIds];
  return chapterOrganizationIds.filter((id) => clauseOrganizationIds.includes(id));
}
