// Which clauses the clause list shows for a search and filters. No imports: the browser loads this file.

export type FilterableClause = { id: string; number: string; title: string; topics: string[]; status: string };
export type ClauseCriteria = { words: string; topic: string; status: string };

/** Whether a clause is shown for these criteria: every word typed in its number or title. */
export function clauseMatches(clause: FilterableClause, { words, topic, status }: ClauseCriteria): boolean {
  if (topic && !clause.topics.includes(topic)) return false;
  if (status && clause.status !== status) return false;
  const text = `article ${clause.number} ${clause.title} ${clause.topics.join(" ")}`.toLowerCase();
  return words
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => text.includes(word));
}
