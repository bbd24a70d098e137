// Everything in the clause room that works on the editor's text, and so needs Tiptap and
// ProseMirror: loaded together, apart from the page's first scripts (lazy-room-parts.tsx).
export { AlternativesPanel } from "@/components/alternatives/alternatives-panel";
export { BracketsPanel } from "@/components/brackets/brackets-panel";
export { CommentsPanel } from "@/components/comments/comments-panel";
export { GlossaryCard } from "@/components/glossary/glossary-card";
export { ParagraphStatusPanel } from "@/components/paragraph-status/paragraph-status-panel";
export { ProposalsPanel } from "@/components/proposals/proposals-panel";
export { ClauseEditor } from "./clause-editor";
