// Gives a person's own proposal marks, put back from their device, the time they are sent at.
// The server takes a proposal's time back to the sign-in of the session that sends it, never
// earlier (lib/proposals/check-suggestion.ts): words kept on the device through a session that
// ended carry a time before the new one began. Rather than widening what the server accepts,
// the browser stamps them afresh, in the same Yjs transaction as the words themselves, so the
// server sees one edit whose proposals are stamped now. Only marks new to their paragraph are
// touched — the ones the server will judge — and only the person's own, never the agreed text.
import type * as Y from "yjs";
import { type ClauseModel, paragraphsOf } from "@/lib/clause-model/clause-model";
import { readFragment } from "@/lib/clause-model/read-clause";
import { AUTHOR_ATTRS } from "@/lib/editor/suggestions/proposal-author";

export type Restamp = {
  authorId: string;
  /** A mark stamped before this (ms) would be refused: when the session sending it began. */
  staleBefore: number;
  /** The new time (ISO). */
  at: string;
};

/** Each paragraph's proposal marks (kind, id and every attribute), by the Yjs element it is. */
function marksByParagraph(model: ClauseModel | null): Map<Y.XmlElement, Set<string>> {
  const marks = new Map<Y.XmlElement, Set<string>>();
  for (const paragraph of paragraphsOf(model?.blocks ?? [])) {
    const keys = new Set<string>();
    for (const inline of paragraph.inlines)
      if (inline.type === "text" && inline.proposal) keys.add(`${inline.proposal.kind}:${inline.proposal.attrs}`);
    if (paragraph.source) marks.set(paragraph.source, keys);
  }
  return marks;
}

/**
 * Restamps `authorId`'s marks in `fragment` that `before` (the clause as the server has it) did
 * not hold in the same paragraph and whose time is before `staleBefore`. Returns how many runs
 * it restamped. Call it inside the transaction that put the marks there.
 */
export function restampProposals(fragment: Y.XmlFragment, before: ClauseModel | null, restamp: Restamp): number {
  const known = marksByParagraph(before);
  let restamped = 0;
  for (const paragraph of paragraphsOf(readFragment(fragment).blocks)) {
    const had = (paragraph.source && known.get(paragraph.source)) || new Set<string>();
    for (const inline of paragraph.inlines) {
      if (inline.type !== "text" || !inline.proposal || !inline.source) continue;
      const mark = inline.proposal;
      if (mark.author?.authorId !== restamp.authorId || had.has(`${mark.kind}:${mark.attrs}`)) continue;
      const at = mark.at ? Date.parse(mark.at) : Number.NaN;
      if (at >= restamp.staleBefore) continue;
      const attributes: Record<string, string> = { id: mark.id, at: restamp.at };
      for (const field of AUTHOR_ATTRS) attributes[field] = mark.author[field];
      if (mark.kind === "insertion" && mark.citation) attributes.citation = mark.citation;
      inline.source.text.format(inline.source.index, inline.text.length, { [mark.kind]: attributes });
      restamped++;
    }
  }
  return restamped;
}
