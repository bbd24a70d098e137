// Puts a bracket mark on the selected words of a clause's Yjs document — or takes one off —
// through the same ProseMirror binding the editor uses (y-tiptap), so the mark is stored exactly
// as the browser would store it. Pure: no I/O (the commands store and apply the update).
//
// What a bracket may cover: agreed words (words proposed for deletion are still agreed text)
// within one paragraph. Words proposed for insertion inside the selection are left out — they
// are a proposal, decided on its own — and a selection with no agreed words is refused.
import type { Node as PMNode } from "@tiptap/pm/model";
import { Transform } from "@tiptap/pm/transform";
import { initProseMirrorDoc, relativePositionToAbsolutePosition, updateYFragment } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import type { BracketOnWords } from "@/lib/clause-model/clause-model";
import { withoutAnchors } from "@/lib/clause-model/zero-width-anchor";
import { type AnchorRange, decodeAnchorPosition } from "@/lib/comments/anchor-range";
import { BRACKET } from "@/lib/editor/bracket-mark";
import { CLAUSE_FRAGMENT, clauseSchema } from "@/lib/editor/extensions";
import type { LockedStatus } from "@/lib/paragraph-status/locked-message";
import { lockedParagraph } from "@/lib/paragraph-status/locked-paragraph";

const MAX_QUOTE = 2_000;

export type BracketedWords =
  | { ok: true; quote: string; update: Uint8Array }
  | { ok: false; why: "gone" | "several-paragraphs" | "no-agreed-words" | "bracketed-already" }
  | { ok: false; why: "locked"; number: number; status: LockedStatus };

export function proseMirrorOf(doc: Y.Doc) {
  const fragment = doc.getXmlFragment(CLAUSE_FRAGMENT);
  const { doc: root, meta } = initProseMirrorDoc(fragment, clauseSchema);
  return { fragment, root, meta };
}

export function writeBack(doc: Y.Doc, fragment: Y.XmlFragment, next: PMNode, meta: unknown): Uint8Array {
  const before = Y.encodeStateVector(doc);
  doc.transact(() => updateYFragment(doc, fragment, next, meta as Parameters<typeof updateYFragment>[3]));
  return Y.encodeStateAsUpdate(doc, before);
}

/**
 * Whether the delegation has a bracket on exactly these words already: one on every agreed word
 * between the positions and on nothing outside them. A second would say nothing new (a bracket of
 * its own inside a larger one, with a reason of its own, is another matter).
 */
function bracketedAlready(root: PMNode, from: number, to: number, organizationId: string): boolean {
  const insertion = clauseSchema.marks.insertion;
  const ours = (node: PMNode) =>
    node.marks.flatMap((m) =>
      m.type.name === BRACKET && m.attrs.organizationId === organizationId ? [m.attrs.id as string] : [],
    );
  let candidates: Set<string> | null = null;
  root.nodesBetween(from, to, (node) => {
    if (!node.isText || insertion.isInSet(node.marks) || !withoutAnchors(node.text ?? "").trim()) return;
    const ids = new Set(ours(node));
    candidates = candidates === null ? ids : new Set([...(candidates as Set<string>)].filter((id) => ids.has(id)));
  });
  const found: Set<string> = candidates ?? new Set();
  root.descendants((node, pos) => {
    if (found.size === 0 || !node.isText || (pos >= from && pos + node.nodeSize <= to)) return;
    for (const id of ours(node)) found.delete(id);
  });
  return found.size > 0;
}

/** Brackets the agreed words between two ProseMirror positions (seed and commands share this). */
export function bracketBetween(doc: Y.Doc, from: number, to: number, bracket: BracketOnWords): BracketedWords {
  const { fragment, root, meta } = proseMirrorOf(doc);
  if (from >= to || to > root.content.size) return { ok: false, why: "gone" };
  const $from = root.resolve(from);
  const $to = root.resolve(to);
  if (!$from.parent.isTextblock || !$from.sameParent($to)) return { ok: false, why: "several-paragraphs" };
  const locked = lockedParagraph($from);
  if (locked) return { ok: false, why: "locked", ...locked };
  const mark = clauseSchema.marks[BRACKET].create(bracket);
  const insertion = clauseSchema.marks.insertion;
  const transform = new Transform(root);
  let quote = "";
  root.nodesBetween(from, to, (node, pos) => {
    if (!node.isText || insertion.isInSet(node.marks)) return;
    const start = Math.max(from, pos);
    const end = Math.min(to, pos + node.nodeSize);
    const words = withoutAnchors((node.text ?? "").slice(start - pos, end - pos));
    if (!words.trim()) return;
    quote += words;
    transform.addMark(start, end, mark);
  });
  quote = quote.trim();
  if (!quote) return { ok: false, why: "no-agreed-words" };
  if (bracketedAlready(root, from, to, bracket.organizationId)) return { ok: false, why: "bracketed-already" };
  return {
    ok: true,
    quote: quote.length > MAX_QUOTE ? `${quote.slice(0, MAX_QUOTE - 1)}…` : quote,
    update: writeBack(doc, fragment, transform.doc, meta),
  };
}

/** Brackets the words a browser selected, sent as Yjs relative positions. */
export function bracketSelection(doc: Y.Doc, range: AnchorRange, bracket: BracketOnWords): BracketedWords {
  const fromRelative = decodeAnchorPosition(range.from);
  const toRelative = decodeAnchorPosition(range.to);
  if (!fromRelative || !toRelative) return { ok: false, why: "gone" };
  const { fragment, meta } = proseMirrorOf(doc);
  const from = relativePositionToAbsolutePosition(doc, fragment, fromRelative, meta.mapping);
  const to = relativePositionToAbsolutePosition(doc, fragment, toRelative, meta.mapping);
  if (from === null || to === null) return { ok: false, why: "gone" };
  return bracketBetween(doc, from, to, bracket);
}

/** Takes a bracket off every word it covers; null when the text holds no such bracket. */
export function unbracket(doc: Y.Doc, bracketId: string): Uint8Array | null {
  const { fragment, root, meta } = proseMirrorOf(doc);
  const transform = new Transform(root);
  let found = false;
  root.descendants((node, pos) => {
    if (!node.isText) return;
    for (const mark of node.marks) {
      if (mark.type.name !== BRACKET || mark.attrs.id !== bracketId) continue;
      transform.removeMark(pos, pos + node.nodeSize, mark);
      found = true;
    }
  });
  return found ? writeBack(doc, fragment, transform.doc, meta) : null;
}
