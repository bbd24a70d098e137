// Where square brackets open and close along a paragraph's runs, for printing them as
// negotiators write them: "[" before the first bracketed word, "]" after the last. Brackets may
// overlap (two delegations bracketing words in common); they close in the reverse order of
// opening, so the printed brackets always nest. A line break leaves them open.
import type { BracketOnWords, Inline } from "@/lib/clause-model/clause-model";

export type BracketEdge = { close: BracketOnWords[]; open: BracketOnWords[] };

/** For each inline: the brackets that close just before it and those that open at it; then those closing at the end. */
export function bracketEdges(inlines: readonly Inline[]): { edges: BracketEdge[]; end: BracketOnWords[] } {
  const stack: BracketOnWords[] = [];
  const edges: BracketEdge[] = inlines.map((inline) => {
    if (inline.type !== "text") return { close: [], open: [] };
    const here = new Set(inline.brackets.map((bracket) => bracket.id));
    // Close from the innermost out, down to the outermost bracket that stops here.
    const firstGone = stack.findIndex((bracket) => !here.has(bracket.id));
    const close = firstGone === -1 ? [] : stack.splice(firstGone).reverse();
    // Reopen the ones closed only to let an inner one close, then open new ones.
    const open = [...close.filter((bracket) => here.has(bracket.id)).reverse()];
    for (const bracket of inline.brackets)
      if (!stack.some((b) => b.id === bracket.id) && !open.some((b) => b.id === bracket.id)) open.push(bracket);
    stack.push(...open);
    return { close, open };
  });
  return { edges, end: stack.reverse() };
}
