// Where words in a clause say they were taken from: the agreed-language entries their insertion
// marks cite (read from the clause model). The collaboration server refuses an update that adds
// a citation the clause's instrument's library does not hold, or words under a citation that
// were not taken from that entry (lib/proposals/judge-update.ts).
import { type ClauseNode, paragraphsOf } from "@/lib/clause-model/clause-model";
import { withoutAnchors } from "@/lib/clause-model/zero-width-anchor";

/** The words each proposal marks as taken from each entry, by proposal and entry. */
function citedWords(nodes: readonly ClauseNode[]): Map<string, { citation: string; words: string }> {
  const cited = new Map<string, { citation: string; words: string }>();
  for (const paragraph of paragraphsOf(nodes))
    for (const inline of paragraph.inlines) {
      if (inline.type !== "text" || inline.proposal?.citation == null) continue;
      const key = `${inline.proposal.id} ${inline.proposal.citation}`;
      const found = cited.get(key) ?? { citation: inline.proposal.citation, words: "" };
      found.words += inline.text;
      cited.set(key, found);
    }
  return cited;
}

/** The cited words an edit brought or changed: each to be found in the entry it cites. */
export function changedCitedWords(
  before: readonly ClauseNode[],
  after: readonly ClauseNode[],
): { citation: string; words: string }[] {
  const had = citedWords(before);
  return [...citedWords(after)].filter(([key, now]) => had.get(key)?.words !== now.words).map(([, now]) => now);
}

const spaced = (text: string) => withoutAnchors(text).replace(/\s+/g, " ").trim();

/**
 * Whether the words were taken from the entry's text: inserted whole, then perhaps shortened by
 * their author — every character of them in the text, in order. Words typed into the passage are
 * the author's own and carry no citation (suggest-transaction.ts), so they are not asked about.
 */
export function takenFrom(words: string, text: string): boolean {
  const source = spaced(text);
  let at = 0;
  for (const char of spaced(words)) {
    at = source.indexOf(char, at);
    if (at < 0) return false;
    at++;
  }
  return true;
}
