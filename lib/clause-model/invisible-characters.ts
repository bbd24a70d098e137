// Characters a reader cannot see: zero-width spaces and joiners, the word joiner, the byte-order
// mark, and the controls that reorder text (bidi embeddings, overrides, isolates and marks).
// Slipped into agreed words they make two texts that look the same differ, or make words read
// in another order than they are stored. The one allowed use is the suggest transform's own
// zero-width anchor (U+200B) inside a proposal mark (zero-width-anchor.ts).
import { type ClauseNode, paragraphsOf } from "./clause-model";
import { ANCHOR } from "./zero-width-anchor";

const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/g;

/** The text without any invisible character (what a paste brings in is cleaned so). */
export function withoutInvisible(text: string): string {
  return text.replace(INVISIBLE, "");
}

/** How many invisible characters the nodes hold, not counting anchors inside proposal marks. */
export function invisibleCharacters(nodes: readonly ClauseNode[]): number {
  let count = 0;
  for (const paragraph of paragraphsOf(nodes)) {
    for (const inline of paragraph.inlines) {
      if (inline.type !== "text") continue;
      for (const [char] of inline.text.matchAll(INVISIBLE)) if (!(char === ANCHOR && inline.proposal)) count++;
    }
  }
  return count;
}
