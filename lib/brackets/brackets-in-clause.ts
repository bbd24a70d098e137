// The square brackets in a clause, read from the clause model: each bracket once, in reading
// order, with the words it covers now. The browser's brackets list and count, the server's
// bracket index, readings and exports all read brackets through this.
import { type BracketOnWords, type ClauseNode, paragraphsOf } from "@/lib/clause-model/clause-model";
import { withoutAnchors } from "@/lib/clause-model/zero-width-anchor";

export type BracketInClause = BracketOnWords & {
  /** The bracketed words as they read now (pieces in several places joined by " … "). */
  words: string;
};

export function bracketsInClause(nodes: readonly ClauseNode[]): BracketInClause[] {
  const found = new Map<string, { bracket: BracketOnWords; pieces: string[]; last: object | null }>();
  for (const paragraph of paragraphsOf(nodes)) {
    let previous: object | null = null;
    for (const inline of paragraph.inlines) {
      if (inline.type !== "text") {
        previous = inline;
        continue;
      }
      for (const bracket of inline.brackets) {
        const entry = found.get(bracket.id) ?? { bracket, pieces: [], last: null };
        found.set(bracket.id, entry);
        const text = withoutAnchors(inline.text);
        // A run right after the one before it continues the same piece of words.
        if (entry.last !== null && entry.last === previous) entry.pieces[entry.pieces.length - 1] += text;
        else entry.pieces.push(text);
        entry.last = inline;
      }
      previous = inline;
    }
  }
  return [...found.values()].map(({ bracket, pieces }) => ({
    ...bracket,
    words: pieces
      .map((piece) => piece.trim())
      .filter(Boolean)
      .join(" … "),
  }));
}

/** How many bracketed passages a clause still holds. */
export function countBrackets(nodes: readonly ClauseNode[]): number {
  return bracketsInClause(nodes).length;
}
