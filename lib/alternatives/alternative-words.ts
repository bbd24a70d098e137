// Puts the alternatives mark on the words of Alt 1, takes it off, or replaces those words with
// the chosen option, in a clause's Yjs document through the same binding the editor uses
// (y-tiptap, as lib/brackets/bracket-words.ts does). Pure: no I/O.
//
// Alt 1 is agreed words within one paragraph: words proposed for insertion are left out of it,
// and a selection with no agreed words, or already in a set, is refused.
import { Transform } from "@tiptap/pm/transform";
import { relativePositionToAbsolutePosition } from "@tiptap/y-tiptap";
import type * as Y from "yjs";
import { proseMirrorOf, writeBack } from "@/lib/brackets/bracket-words";
import { withoutAnchors } from "@/lib/clause-model/zero-width-anchor";
import { type AnchorRange, decodeAnchorPosition } from "@/lib/comments/anchor-range";
import { ALTERNATIVES } from "@/lib/editor/alternatives-mark";
import { clauseSchema } from "@/lib/editor/extensions";
import type { LockedStatus } from "@/lib/paragraph-status/locked-message";
import { lockedParagraph } from "@/lib/paragraph-status/locked-paragraph";

export type MarkedWords =
  | { ok: true; quote: string; update: Uint8Array }
  | { ok: false; why: "gone" | "several-paragraphs" | "no-agreed-words" | "already-alternatives" }
  | { ok: false; why: "locked"; number: number; status: LockedStatus };

/** Marks the agreed words between two ProseMirror positions as Alt 1 of the set. */
export function markAlternativesBetween(doc: Y.Doc, from: number, to: number, setId: string): MarkedWords {
  const { fragment, root, meta } = proseMirrorOf(doc);
  if (from >= to || to > root.content.size) return { ok: false, why: "gone" };
  const $from = root.resolve(from);
  if (!$from.parent.isTextblock || !$from.sameParent(root.resolve(to))) return { ok: false, why: "several-paragraphs" };
  const locked = lockedParagraph($from);
  if (locked) return { ok: false, why: "locked", ...locked };
  const type = clauseSchema.marks[ALTERNATIVES];
  const insertion = clauseSchema.marks.insertion;
  const transform = new Transform(root);
  let quote = "";
  let taken = false;
  root.nodesBetween(from, to, (node, pos) => {
    if (!node.isText || insertion.isInSet(node.marks)) return;
    if (type.isInSet(node.marks)) taken = true;
    const start = Math.max(from, pos);
    const end = Math.min(to, pos + node.nodeSize);
    const words = withoutAnchors((node.text ?? "").slice(start - pos, end - pos));
    if (!words.trim()) return;
    quote += words;
    transform.addMark(start, end, type.create({ id: setId }));
  });
  if (taken) return { ok: false, why: "already-alternatives" };
  quote = quote.trim();
  if (!quote) return { ok: false, why: "no-agreed-words" };
  return { ok: true, quote, update: writeBack(doc, fragment, transform.doc, meta) };
}

/** Marks the words a browser selected, sent as Yjs relative positions. */
export function markAlternativesOnSelection(doc: Y.Doc, range: AnchorRange, setId: string): MarkedWords {
  const fromRelative = decodeAnchorPosition(range.from);
  const toRelative = decodeAnchorPosition(range.to);
  if (!fromRelative || !toRelative) return { ok: false, why: "gone" };
  const { fragment, meta } = proseMirrorOf(doc);
  const from = relativePositionToAbsolutePosition(doc, fragment, fromRelative, meta.mapping);
  const to = relativePositionToAbsolutePosition(doc, fragment, toRelative, meta.mapping);
  if (from === null || to === null) return { ok: false, why: "gone" };
  return markAlternativesBetween(doc, from, to, setId);
}

/**
 * Whether the set's words now sit in a paragraph the chair has agreed since the set began: a
 * further option for them would reopen agreed text, refused as starting a set there is.
 */
export function lockedAlternatives(doc: Y.Doc, setId: string): { number: number; status: LockedStatus } | null {
  const { root } = proseMirrorOf(doc);
  let locked: { number: number; status: LockedStatus } | null = null;
  root.descendants((node, pos) => {
    if (locked || !node.isText) return !locked;
    if (node.marks.some((m) => m.type.name === ALTERNATIVES && m.attrs.id === setId))
      locked = lockedParagraph(root.resolve(pos));
    return !locked;
  });
  return locked;
}

/**
 * Ends a set in the text: takes the mark off its words (Alt 1 chosen) or, given a wording,
 * replaces the words from the first to the last marked one with it, keeping the first word's
 * formatting and brackets. Null when the text holds no such set.
 */
export function settleAlternatives(doc: Y.Doc, setId: string, wording: string | null): Uint8Array | null {
  const { fragment, root, meta } = proseMirrorOf(doc);
  const transform = new Transform(root);
  let first: { from: number; marks: readonly import("@tiptap/pm/model").Mark[] } | null = null;
  let to = -1;
  root.descendants((node, pos) => {
    if (!node.isText) return;
    const mark = node.marks.find((m) => m.type.name === ALTERNATIVES && m.attrs.id === setId);
    if (!mark) return;
    first ??= { from: pos, marks: node.marks };
    to = pos + node.nodeSize;
    if (wording === null) transform.removeMark(pos, pos + node.nodeSize, mark);
  });
  if (!first) return null;
  if (wording !== null) {
    const { from, marks } = first as { from: number; marks: readonly import("@tiptap/pm/model").Mark[] };
    const kept = marks.filter(
      (m) => m.type.name !== ALTERNATIVES && m.type.name !== "insertion" && m.type.name !== "deletion",
    );
    transform.replaceWith(from, to, clauseSchema.text(wording, kept));
  }
  return writeBack(doc, fragment, transform.doc, meta);
}
