"use client";
// The "Comment" button that floats above selected words of the clause. Built on the browser's
// selection rather than Tiptap's BubbleMenu because read-only editors (observers) must get it too.
import type { Editor } from "@tiptap/core";
import { useEffect, useState } from "react";
import { CommentIcon } from "./comment-icon";

export function CommentBubble({ editor, onComment }: { editor: Editor; onComment: () => void }) {
  const [place, setPlace] = useState<{ top: number; left: number } | null>(null);

  useEffect(() => {
    function follow() {
      const selection = window.getSelection();
      if (!selection || selection.isCollapsed || selection.rangeCount === 0) return setPlace(null);
      const range = selection.getRangeAt(0);
      if (!editor.view.dom.contains(range.commonAncestorContainer)) return setPlace(null);
      const rect = range.getBoundingClientRect();
      if (rect.width === 0 && rect.height === 0) return setPlace(null);
      setPlace({ top: rect.top - 40, left: rect.left + rect.width / 2 });
    }
    document.addEventListener("selectionchange", follow);
    window.addEventListener("scroll", follow, true);
    window.addEventListener("resize", follow);
    return () => {
      document.removeEventListener("selectionchange", follow);
      window.removeEventListener("scroll", follow, true);
      window.removeEventListener("resize", follow);
    };
  }, [editor]);

  if (!place) return null;
  return (
    <div
      role="toolbar"
      aria-label="Selected words"
      className="fixed z-30 -translate-x-1/2 rounded-md border border-slate-200 bg-white p-1 shadow-lg"
      style={{ top: Math.max(place.top, 4), left: place.left }}
    >
      <button
        type="button"
        // Keep the selection: the button must not take it away before it is read.
        onMouseDown={(event) => event.preventDefault()}
        onClick={onComment}
        title="Comment on the selected words (Ctrl+Alt+M)"
        className="flex items-center gap-1.5 rounded px-2 py-1 text-sm font-medium text-slate-800 hover:bg-amber-50"
      >
        <CommentIcon />
        Comment
      </button>
    </div>
  );
}
