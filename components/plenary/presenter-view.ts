"use client";
// The chair's view of the clause as the plenary follows it: the top-level paragraph holding the
// caret, the first paragraph visible at the top of the window, and the selection (if any) as Yjs
// relative positions, so it stays on the same words while the text changes.
import type { Editor } from "@tiptap/react";
import { absolutePositionToRelativePosition, ySyncPluginKey } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import type { PresentedView } from "@/lib/plenary/plenary-messages";

/** The first top-level paragraph whose bottom is below the top of the window. */
function topParagraph(editor: Editor): number {
  const blocks = Array.from(editor.view.dom.children);
  const index = blocks.findIndex((block) => block.getBoundingClientRect().bottom > 0);
  return Math.max(0, index);
}

export function presenterView(editor: Editor): PresentedView | null {
  const binding = ySyncPluginKey.getState(editor.state)?.binding;
  if (!binding) return null;
  const { from, to, $head } = editor.state.selection;
  const focus = editor.state.doc.childCount > 0 ? $head.index(0) : null;
  const relative = (pos: number) =>
    Y.relativePositionToJSON(absolutePositionToRelativePosition(pos, binding.type, binding.mapping));
  return {
    focus,
    top: topParagraph(editor),
    selection: from === to ? null : { anchor: relative(from), head: relative(to) },
  };
}
