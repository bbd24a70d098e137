// Puts a thread's anchor mark on the selected words of a clause's Yjs document, through the
// same ProseMirror binding the editor uses (y-tiptap), so the mark is stored exactly as the
// browser would store it (hashed key for overlapping marks). Pure: no I/O.
import { Transform } from "@tiptap/pm/transform";
import { initProseMirrorDoc, relativePositionToAbsolutePosition, updateYFragment } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import { COMMENT_ANCHOR } from "@/lib/editor/comment-anchor";
import { CLAUSE_FRAGMENT, clauseSchema } from "@/lib/editor/extensions";
import { type AnchorRange, decodeAnchorPosition } from "./anchor-range";

/** A quote longer than this is cut (the anchor itself still covers every selected word). */
const MAX_QUOTE = 2_000;

export type AnchoredThread = { quote: string; update: Uint8Array };

/**
 * Marks the words between `range.from` and `range.to` with the thread's anchor and returns the
 * Yjs update that does it, plus the words as they read now. Null when the range no longer
 * covers any text (deleted meanwhile, or never in this document).
 */
export function anchorThread(doc: Y.Doc, threadId: string, range: AnchorRange): AnchoredThread | null {
  const fromRelative = decodeAnchorPosition(range.from);
  const toRelative = decodeAnchorPosition(range.to);
  if (!fromRelative || !toRelative) return null;
  const fragment = doc.getXmlFragment(CLAUSE_FRAGMENT);
  const { doc: root, meta } = initProseMirrorDoc(fragment, clauseSchema);
  const from = relativePositionToAbsolutePosition(doc, fragment, fromRelative, meta.mapping);
  const to = relativePositionToAbsolutePosition(doc, fragment, toRelative, meta.mapping);
  if (from === null || to === null || from >= to || to > root.content.size) return null;
  const quote = root.textBetween(from, to, "\n", " ").trim();
  if (!quote) return null;

  const marked = new Transform(root).addMark(from, to, clauseSchema.marks[COMMENT_ANCHOR].create({ threadId })).doc;
  const before = Y.encodeStateVector(doc);
  doc.transact(() => updateYFragment(doc, fragment, marked, meta));
  return {
    quote: quote.length > MAX_QUOTE ? `${quote.slice(0, MAX_QUOTE - 1)}…` : quote,
    update: Y.encodeStateAsUpdate(doc, before),
  };
}
