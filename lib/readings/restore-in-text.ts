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

/** The element is the last thing inside `ancestor`: nothing of the clause comes between them. */
function endsIn(element: Y.XmlElement, ancestor: Y.XmlElement): boolean {
  for (let at: Y.XmlElement = element; at !== ancestor; at = at.parent as Y.XmlElement) {
    const parent = at.parent as Y.XmlElement;
    if (parent.get(parent.length - 1) !== at) return false;
  }
  return true;
}

/**
 * Puts `paragraph` right after the place, so the text keeps the version's order: as a numbered
 * item after an item that holds only that paragraph, as a block after the block the place ends,
 * and otherwise as a paragraph beside it (inside its list item, unnumbered).
 */
function placeAfter(fragment: Y.XmlFragment, at: Place, paragraph: ReadingParagraph, stamp: Stamp): Place {
  if (paragraph.label !== "" && paragraph.depth === at.depth && at.item && at.item.length === 1) {
    const list = at.item.parent as Y.XmlElement;
    const item = new Y.XmlElement("listItem");
    list.insert(indexIn(list, at.item) + 1, [item]);
    return { paragraph: newParagraph(item, 0, paragraph.text, stamp), item, depth: at.depth, top: at.top };
  }
  if (paragraph.depth === 0 && at.depth > 0 && endsIn(at.paragraph, at.top)) {
    const made = newParagraph(fragment, indexIn(fragment, at.top) + 1, paragraph.text, stamp);
    return { paragraph: made, item: null, depth: 0, top: made };
  }
  const parent = at.paragraph.parent as Y.XmlElement | Y.XmlFragment;
  const made = newParagraph(parent, indexIn(parent, at.paragraph) + 1, paragraph.text, stamp);
  return { paragraph: made, item: null, depth: at.depth, top: at.depth === 0 ? made : at.top };
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
    if (addition)
      propose(addition.text, addition.index, addition.words, {
        ...formattingOf(addition.formatting),
        insertion: stamp,
      });
    for (let s = planned.strikes.length - 1; s >= 0; s--) {
      const strike = planned.strikes[s];
      strike.text.format(strike.index, strike.length, { deletion: stamp });
    }
  }
  return stampsOf.flat().map((stamp) => stamp.id);
}
