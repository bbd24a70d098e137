// Which of some mark ids (a bracket's, a set of alternatives') the clause holds outside the blocks
// an update touched: the guard's way to tell a mark copied onto other words from one brought back
// where it was (lib/brackets/check-brackets.ts, lib/alternatives/check-alternatives.ts).
import { type ClauseNode, paragraphsOf, type TextRun } from "./clause-model";

/** `idsOf`: the ids of the kind asked about that a run of text carries. */
export function idsOutside(
  clause: readonly ClauseNode[],
  touched: readonly ClauseNode[],
  ids: ReadonlySet<string>,
  idsOf: (run: TextRun) => Iterable<string>,
): Set<string> {
  const inTouched = new Set(paragraphsOf(touched));
  const found = new Set<string>();
  for (const paragraph of paragraphsOf(clause)) {
    if (inTouched.has(paragraph)) continue;
    for (const inline of paragraph.inlines) {
      if (inline.type !== "text") continue;
      for (const id of idsOf(inline)) if (ids.has(id)) found.add(id);
    }
  }
  return found;
}
