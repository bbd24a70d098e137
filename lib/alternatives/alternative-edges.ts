// Where a set of alternatives opens and closes along a paragraph's runs, for printing it as
// negotiators write it: `[Alt 1: words in the text] [Alt 2: other wording] …`. Pure: the
// exports pass the further options' wordings, by set id (Alt 2 first).
import type { Inline } from "@/lib/clause-model/clause-model";

/** The wordings of Alt 2, Alt 3, … of each open set, by set id. */
export type AlternativeWordings = ReadonlyMap<string, readonly string[]>;

export type AlternativeEdge = { before: string | null; after: string[] | null };

/**
 * For each inline: the set that opens at it (print "[Alt 1: " before it) and the set that closes
 * after it (print "] [Alt 2: …]" after it). A set unknown to the wordings prints as its words.
 */
export function alternativeEdges(inlines: readonly Inline[], wordings: AlternativeWordings): AlternativeEdge[] {
  const setOf = (inline: Inline | undefined) =>
    inline?.type === "text" && inline.alternatives && wordings.has(inline.alternatives) ? inline.alternatives : null;
  return inlines.map((inline, i) => {
    const id = setOf(inline);
    if (!id) return { before: null, after: null };
    const opens = setOf(inlines[i - 1]) !== id;
    const closes = setOf(inlines[i + 1]) !== id;
    return { before: opens ? id : null, after: closes ? [...(wordings.get(id) ?? [])] : null };
  });
}

/** The plain-text form of the edges around one inline. */
export function alternativeText(edge: AlternativeEdge): { before: string; after: string } {
  return {
    before: edge.before ? "[Alt 1: " : "",
    after: edge.after ? `]${edge.after.map((wording, i) => ` [Alt ${i + 2}: ${wording}]`).join("")}` : "",
  };
}
