// How a borrowed passage's origin reads on a proposal, in the compilation and in exports:
// "from: UNTOC, art. 25(1)", and "(paraphrase)" when the library holds a paraphrase.
export type CitationFacts = { source: string; article: string; paraphrase: boolean };

export function citationLabel({ source, article, paraphrase }: CitationFacts): string {
  return `from: ${source}, ${article}${paraphrase ? " (paraphrase)" : ""}`;
}
