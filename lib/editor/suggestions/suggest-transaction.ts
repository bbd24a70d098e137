// Suggest mode: turns what a person types, pastes or deletes into proposals instead of edits,
// using @handlewithcare/prosemirror-suggest-changes for the step-by-step transform, then
// stamping every new proposal mark with its author, delegation and time.
//
// Two decisions on top of the library:
// - New text is always the typist's own proposal, even next to (or inside) another person's:
//   the library joins adjacent marks, which would credit one delegation's words to another.
// - Deleting inside another person's proposed insertion is refused, not done: the library
//   would erase their proposal for real. They withdraw it, or the chair decides.
// - Line breaks (Shift+Enter) cannot be proposed: the editor proposes a new paragraph instead.
// - Formatting cannot be proposed: nothing downstream (decisions, exports, the index) reads a
//   formatting proposal, and the server refuses one (lib/clause-model/read-runs.ts).
import { transformToSuggestionTransaction } from "@handlewithcare/prosemirror-suggest-changes";
import type { Mark, Node } from "@tiptap/pm/model";
import type { EditorState, Transaction } from "@tiptap/pm/state";
import {
  AddMarkStep,
  AddNodeMarkStep,
  AttrStep,
  DocAttrStep,
  RemoveMarkStep,
  RemoveNodeMarkStep,
} from "@tiptap/pm/transform";
import { othersProposalRefusal } from "@/lib/wording/delegation-wording";
import { authorOfMark, isSuggestionMarkName, type ProposalAuthor } from "./proposal-author";

export type SuggestOptions = {
  author: ProposalAuthor;
  /** ISO time stamped on new proposals. */
  now: () => string;
  newId: () => string;
  /**
   * The words inserted come from the library of agreed language: this entry's id is stamped on
   * the new proposal's insertion (a passage typed against one's own proposal joins it, uncited).
   */
  citation?: string;
};

export type SuggestResult = { ok: true; transaction: Transaction } | { ok: false; reason: string };

/** True when a transaction only changes formatting (bold, italic…) of existing text. */
function changesFormattingOnly(tr: Transaction): boolean {
  return tr.steps.length > 0 && tr.steps.every((step) => step instanceof AddMarkStep || step instanceof RemoveMarkStep);
}

/** True when a transaction changes a node's attributes or marks (a list's numbering…). */
function changesNodeAttributes(tr: Transaction): boolean {
  return tr.steps.some(
    (step) =>
      step instanceof AttrStep ||
      step instanceof DocAttrStep ||
      step instanceof AddNodeMarkStep ||
      step instanceof RemoveNodeMarkStep,
  );
}

export function suggestTransaction(tr: Transaction, state: EditorState, options: SuggestOptions): SuggestResult {
  if (!tr.docChanged) return { ok: true, transaction: tr };
  if (changesFormattingOnly(tr) || changesNodeAttributes(tr)) {
    return { ok: false, reason: "Formatting cannot be proposed. Propose a change of wording instead." };
  }
  // A line break cannot carry a proposal's mark in the shared text (y-tiptap keeps marks on text
  // only), so it would arrive as an unattributed change to the agreed text.
  if (lineBreaks(tr.doc) > lineBreaks(state.doc)) {
    return {
      ok: false,
      reason: "A line break cannot be proposed. Press Enter to propose a new paragraph instead.",
    };
  }
  const tracked = transformToSuggestionTransaction(tr, withInlineBlockMarks(state), () => options.newId());
  // A change of a list's numbering or of formatting inside a larger edit becomes a formatting
  // proposal (the library's `modification` mark), which cannot be proposed.
  if (formattingProposals(tracked.doc) > formattingProposals(state.doc)) {
    return { ok: false, reason: "Formatting cannot be proposed. Propose a change of wording instead." };
  }
  restoreOthersMarks(tracked, state.doc, options.author.authorId);
  stampAuthorship(tracked, state.doc, options);
  const othersBefore = othersInsertions(state.doc, options.author.authorId);
  const othersAfter = othersInsertions(tracked.doc, options.author.authorId);
  for (const [id, before] of othersBefore) {
    if (othersAfter.get(id)?.text !== before.text) {
      return {
        ok: false,
        reason: othersProposalRefusal(before.organization),
      };
    }
  }
  return { ok: true, transaction: tracked };
}

function formattingProposals(doc: Node): number {
  let count = 0;
  doc.descendants((node) => {
    if (node.marks.some((mark) => mark.type.name === "modification")) count++;
    return true;
  });
  return count;
}

function lineBreaks(doc: Node): number {
  let count = 0;
  doc.descendants((node) => {
    if (node.type.name === "hardBreak") count++;
    return !node.isText;
  });
  return count;
}

/**
 * The library marks a wholly inserted or deleted paragraph (or list item) with a node mark, which
 * the schema does not allow and y-tiptap would not store. Its transaction is made to mark the
 * text of each paragraph inside instead (an empty one gets a zero-width anchor to carry the mark).
 */
function withInlineBlockMarks(state: EditorState): EditorState {
  const tracked = state.tr;
  const addNodeMark = tracked.addNodeMark.bind(tracked);
  tracked.addNodeMark = (pos: number, mark: Mark) => {
    const node = tracked.doc.nodeAt(pos);
    if (!node || node.isInline || !isSuggestionMarkName(mark.type.name)) return addNodeMark(pos, mark);
    // Every paragraph in the node (itself, or those in a list item), last first so positions hold.
    const textblocks: number[] = [];
    if (node.isTextblock) textblocks.push(pos);
    else
      node.descendants((child, offset) => {
        if (child.isTextblock) textblocks.push(pos + 1 + offset);
        return !child.isTextblock;
      });
    for (const start of textblocks.reverse()) {
      if (tracked.doc.nodeAt(start)?.content.size === 0) tracked.insertText("\u200B", start + 1);
      const size = tracked.doc.nodeAt(start)?.content.size ?? 0;
      tracked.addMark(start + 1, start + 1 + size, mark);
    }
    return tracked;
  };
  const view = Object.create(state) as EditorState;
  Object.defineProperty(view, "tr", { get: () => tracked });
  return view;
}

/**
 * The text of every proposed insertion that belongs to someone else, by proposal id. Read from
 * the editor's own state (the transaction is not in Yjs yet); the server reads the stored text
 * with the clause model and refuses the same.
 */
function othersInsertions(doc: Node, me: string): Map<string, { text: string; organization: string }> {
  const result = new Map<string, { text: string; organization: string }>();
  doc.descendants((node) => {
    if (!node.isText) return true;
    const mark = node.marks.find((m) => m.type.name === "insertion");
    const author = mark ? authorOfMark(mark.attrs) : null;
    if (!mark || !author || author.authorId === me) return false;
    const id = String(mark.attrs.id);
    const known = result.get(id);
    result.set(id, {
      text: (known?.text ?? "") + (node.text ?? "").replaceAll("\u200B", ""),
      organization: author.organizationName,
    });
    return false;
  });
  return result;
}

/**
 * The library joins a new proposal with the marks right next to it by re-marking them with
 * one id and no author, which would hand another delegation's proposal to the typist. Every
 * character that carried someone else's proposal mark and is still there gets that mark back.
 */
function restoreOthersMarks(tr: Transaction, before: Node, me: string): void {
  const restores: { from: number; to: number; mark: Mark }[] = [];
  before.descendants((node, pos) => {
    if (!node.isText) return true;
    const mark = node.marks.find((m) => isSuggestionMarkName(m.type.name) && authorOfMark(m.attrs)?.authorId !== me);
    if (!mark || !authorOfMark(mark.attrs)) return false;
    const text = node.text ?? "";
    let start = -1;
    let last = -1;
    const flush = () => {
      if (start >= 0) restores.push({ from: start, to: last + 1, mark });
      start = -1;
    };
    for (let i = 0; i < text.length; i++) {
      const mapped = tr.mapping.mapResult(pos + i, 1);
      const kept = !mapped.deletedAfter && tr.doc.textBetween(mapped.pos, mapped.pos + 1) === text[i];
      if (!kept) {
        flush();
        continue;
      }
      if (start >= 0 && mapped.pos !== last + 1) flush();
      if (start < 0) start = mapped.pos;
      last = mapped.pos;
    }
    flush();
    return false;
  });
  for (const { from, to, mark } of restores) {
    tr.removeMark(from, to, mark.type);
    tr.addMark(from, to, mark);
  }
}

/**
 * Gives every unattributed proposal mark the typist's identity, and a fresh id whenever the
 * library borrowed the id of someone else's neighbouring proposal, or of the typist's own
 * proposal of the other kind (a deletion next to their insertion): an id belongs to one person
 * and its kinds for good, and the server refuses anything else.
 */
function stampAuthorship(tr: Transaction, before: Node, { author, now, newId, citation }: SuggestOptions): void {
  const firstMarkOfId = new Map<string, Mark>();
  const kindsOfId = new Map<string, Set<string>>();
  before.descendants((node) => {
    for (const mark of node.marks) {
      const id = String(mark.attrs.id);
      if (!isSuggestionMarkName(mark.type.name) || !authorOfMark(mark.attrs)) continue;
      if (!firstMarkOfId.has(id)) firstMarkOfId.set(id, mark);
      kindsOfId.set(id, (kindsOfId.get(id) ?? new Set()).add(mark.type.name));
    }
  });
  const renamed = new Map<string, string>();
  const idFor = (id: string, kind: string) => {
    const owner = firstMarkOfId.get(id);
    if (!owner) return id;
    const mine = authorOfMark(owner.attrs)?.authorId === author.authorId;
    if (mine && kindsOfId.get(id)?.has(kind)) return id;
    const key = mine ? `${id}:${kind}` : id;
    if (!renamed.has(key)) renamed.set(key, newId());
    return renamed.get(key) as string;
  };
  const at = now();
  const fixes: { from: number; to: number; old: Mark; next: Mark }[] = [];
  tr.doc.descendants((node, pos) => {
    if (!node.isInline) return true;
    for (const mark of node.marks) {
      if (!isSuggestionMarkName(mark.type.name) || authorOfMark(mark.attrs)) continue;
      const id = idFor(String(mark.attrs.id), mark.type.name);
      // Growing one's own proposal keeps its attributes (and time), so its marks stay one run.
      const existing = firstMarkOfId.get(id);
      const cited = citation && mark.type.name === "insertion" ? { citation } : {};
      const next = mark.type.create(
        existing ? { ...mark.attrs, ...existing.attrs } : { ...mark.attrs, id, ...author, at, ...cited },
      );
      fixes.push({ from: pos, to: pos + node.nodeSize, old: mark, next });
    }
    return false;
  });
  for (const fix of fixes) {
    tr.removeMark(fix.from, fix.to, fix.old);
    tr.addMark(fix.from, fix.to, fix.next);
  }
}
