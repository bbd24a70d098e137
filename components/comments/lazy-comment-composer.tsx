"use client";
// The comment composer (mentions, the length rule) is needed only when someone writes: it is
// loaded when first shown, and fetched ahead, once the room is up, for people who may comment
// (comments-panel.tsx), so it opens at once for them and a reader never downloads it.
import dynamic from "next/dynamic";

const load = () => import("./comment-composer");

export function preloadCommentComposer() {
  void load();
}

export const CommentComposer = dynamic(() => load().then((m) => m.CommentComposer), { ssr: false });
