"use client";
// Reading the clause editor for comments: the selected words as Yjs relative positions (what
// the server anchors a new thread to), and where each thread's words are now.
import type { Editor } from "@tiptap/core";
import { absolutePositionToRelativePosition, ySyncPluginKey } from "@tiptap/y-tiptap";
import { encodeAnchorPosition } from "@/lib/comments/anchor-range";
import { COMMENT_ANCHOR } from "@/lib/editor/schema-names";
import { isSuggestionMarkName } from "@/lib/editor/suggestions/proposal-author";

export type CommentSelection = { from: number; to: number; quote: string; anchor: { from: string; to: string } };

/**
 * The selection to comment on. In a read-only editor (observers, readers) ProseMirror may not
 * follow the browser's selection, so the browser's own selection is read as well.
 */
export function commentSelection(editor: Editor): CommentSelection | null {
  const { view, state } = editor;
  let { from, to } = state.selection;
  const dom = window.getSelection();
  if (from === to && dom && !dom.isCollapsed && dom.anchorNode && dom.focusNode && view.dom.contains(dom.anchorNode)) {
    try {
      const a = view.posAtDOM(dom.anchorNode, dom.anchorOffset);
      const b = view.posAtDOM(dom.focusNode, dom.focusOffset);
      from = Math.min(a, b);
      to = Math.max(a, b);
    } catch {
      return null;
    }
  }
  if (from >= to) return null;
  const quote = state.doc.textBetween(from, to, "\n", " ").trim();
  const binding = ySyncPluginKey.getState(state)?.binding;
  if (!quote || !binding) return null;
  return {
    from,
    to,
    quote,
    anchor: {
      from: encodeAnchorPosition(absolutePositionToRelativePosition(from, binding.type, binding.mapping)),
      to: encodeAnchorPosition(absolutePositionToRelativePosition(to, binding.type, binding.mapping)),
    },
  };
}

export type AnchorPlace = { pos: number; words: string };

/** Each anchored thread's first position in the text and its words as they read now. */
export function anchorPlaces(editor: Editor): Map<string, AnchorPlace> {
  const places = new Map<string, AnchorPlace>();
  editor.state.doc.descendants((node, pos) => {
    if (!node.isText) return;
    for (const mark of node.marks) {
      if (mark.type.name !== COMMENT_ANCHOR) continue;
      const id = String(mark.attrs.threadId);
      const place = places.get(id);
      if (place) place.words += node.text ?? "";
      else places.set(id, { pos, words: node.text ?? "" });
    }
  });
  return places;
}

/** Where each proposal starts in the text now, by proposal id (threads on proposals sit level with it). */
export function proposalPlaces(editor: Editor): Map<string, number> {
  const places = new Map<string, number>();
  editor.state.doc.descendants((node, pos) => {
    if (!node.isText) return;
    for (const mark of node.marks) {
      if (!isSuggestionMarkName(mark.type.name) || mark.attrs.id == null) continue;
      const id = String(mark.attrs.id);
      if (!places.has(id)) places.set(id, pos);
    }
  });
  return places;
}

/** The words a thread is about, in the editor's DOM: its anchor, or the proposal it discusses. */
export function threadWordsSelector(thread: { id: string; proposalId: string | null }): string {
  return thread.proposalId
    ? `[data-proposal-id="${CSS.escape(thread.proposalId)}"]`
    : `[data-comment-thread="${CSS.escape(thread.id)}"]`;
}
