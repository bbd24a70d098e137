// Carries out a restore plan (restore-plan.ts) on a clause's Yjs text, as the chair's proposals:
// each planned passage becomes struck agreed words and proposed words under one fresh proposal
// id, each new paragraph a paragraph of proposed words under its own — stamped with the chair's
// name, delegation and the time, exactly as the suggest transform stamps a proposal. Steps are
// taken from the end of the text backwards, so every place the plan names is still where it was.
import { randomUUID } from "node:crypto";
import * as Y from "yjs";
import { ANCHOR } from "@/lib/clause-model/zero-width-anchor";
import type { ProposalAuthor } from "@/lib/editor/suggestions/proposal-author";
import type { ReadingParagraph } from "./reading";
import type { NewParagraphs, Place, PlannedProposal } from "./restore-plan";

type Stamp = ProposalAuthor & { id: string; at: string };

function propose(text: Y.XmlText, index: number, words: string, attributes: Record<string, unknown>): void {
  // An empty new paragraph is anchored by the zero-width space inside its mark, as in suggest mode.
  text.insert(index, words === "" ? ANCHOR : words, attributes);
}

function newParagraph(parent: Y.XmlElement | Y.XmlFragment, index: number, words: string, stamp: Stamp) {
  const paragraph = new Y.XmlElement("paragraph");
  parent.insert(index, [paragraph]);
  const text = new Y.XmlText();
  paragraph.insert(0, [text]);
  propose(text, 0, words, { insertion: stamp });
  return paragraph;
}

function indexIn(parent: Y.XmlElement | Y.XmlFragment, child: Y.XmlElement): number {
  return (parent.toArray() as unknown[]).indexOf(child);
}

/** Puts `paragraph` after the place: a numbered item after an item, a paragraph inside an item, or a block. */
function placeAfter(fragment: Y.XmlFragment, at: Place, paragraph: ReadingParagraph, stamp: Stamp): Place {
  const sameDepth = at.depth > 0 && paragraph.depth === at.depth;
  if (sameDepth && paragraph.label !== "" && at.item) {
    const list = at.item.parent as Y.XmlElement;
    const item = new Y.XmlElement("listItem");
    list.insert(indexIn(list, at.item) + 1, [item]);
    return { paragraph: newParagraph(item, 0, paragraph.text, stamp), item, depth: at.depth, top: at.top };
  }
  if (sameDepth && paragraph.label === "") {
    const parent = at.paragraph.parent as Y.XmlElement;
    const made = newParagraph(parent, indexIn(parent, at.paragraph) + 1, paragraph.text, stamp);
    return { paragraph: made, item: null, depth: at.depth, top: at.top };
  }
  const made = newParagraph(fragment, indexIn(fragment, at.top) + 1, paragraph.text, stamp);
  return { paragraph: made, item: null, depth: 0, top: made };
}

function writeParagraphs(fragment: Y.XmlFragment, added: NewParagraphs, stamps: Stamp[]): void {
  if (added.side === "after" && added.beside) {
    let at = added.beside;
    added.paragraphs.forEach((paragraph, i) => {
      at = placeAfter(fragment, at, paragraph, stamps[i]);
    });
    return;
  }
  // Before the clause's first paragraph (or into an empty clause): blocks at the top, in order.
  const start = added.beside ? indexIn(fragment, added.beside.top) : 0;
  added.paragraphs.forEach((paragraph, i) => {
    newParagraph(fragment, start + i, paragraph.text, stamps[i]);
  });
}

function formattingOf(names: readonly string[]): Record<string, object> {
  return Object.fromEntries(names.map((name) => [name, {}]));
}

/**
 * Writes the plan's proposals into the fragment, inside the caller's Yjs transaction. Returns
 * the new proposals' ids in reading order.
 */
export function writeRestore(
  fragment: Y.XmlFragment,
  proposals: readonly PlannedProposal[],
  author: ProposalAuthor,
  at: Date,
): string[] {
  const stampsOf = proposals.map((planned) =>
    Array.from({ length: planned.kind === "passage" ? 1 : planned.added.paragraphs.length }, () => ({
      id: randomUUID(),
      ...author,
      at: at.toISOString(),
    })),
  );
  for (let p = proposals.length - 1; p >= 0; p--) {
    const planned = proposals[p];
    const stamps = stampsOf[p];
    if (planned.kind === "paragraphs") {
      writeParagraphs(fragment, planned.added, stamps);
      continue;
    }
    const [stamp] = stamps;
    const addition = planned.addition;
    if (addition && "text" in addition)
      propose(addition.text, addition.index, addition.words, {
        ...formattingOf(addition.formatting),
        insertion: stamp,
      });
    else if (addition) {
      const first = addition.paragraph.get(0);
      if (first instanceof Y.XmlText) propose(first, 0, addition.words, { insertion: stamp });
      else {
        const text = new Y.XmlText();
        addition.paragraph.insert(0, [text]);
        propose(text, 0, addition.words, { insertion: stamp });
      }
    }
    for (let s = planned.strikes.length - 1; s >= 0; s--) {
      const strike = planned.strikes[s];
      strike.text.format(strike.index, strike.length, { deletion: stamp });
    }
  }
  return stampsOf.flat().map((stamp) => stamp.id);
}
