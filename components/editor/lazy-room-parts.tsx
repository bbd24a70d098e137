"use client";
// Tiptap and ProseMirror are most of a clause page's JavaScript, and only the editor and the
// panels that work on its text need them (room-parts.ts). They are not among the page's first
// scripts: the browser asks for them as soon as this module runs — before the page is hydrated,
// not when they are first rendered — while the socket opens and the clause's text arrives,
// which the editor waits for anyway (use-clause-connection.ts opens it without them).
import dynamic from "next/dynamic";

const loadParts = () => import("./room-parts");
if (typeof window !== "undefined") void loadParts();

/** What stands in the text's place until the editor is there (the same as before it has the text). */
export function TextPlaceholder() {
  return <div className="min-h-64 animate-pulse rounded-lg bg-slate-100" aria-busy="true" />;
}

export const ClauseEditor = dynamic(() => loadParts().then((m) => m.ClauseEditor), {
  ssr: false,
  loading: TextPlaceholder,
});
export const ProposalsPanel = dynamic(() => loadParts().then((m) => m.ProposalsPanel), { ssr: false });
export const CommentsPanel = dynamic(() => loadParts().then((m) => m.CommentsPanel), { ssr: false });
export const BracketsPanel = dynamic(() => loadParts().then((m) => m.BracketsPanel), { ssr: false });
export const AlternativesPanel = dynamic(() => loadParts().then((m) => m.AlternativesPanel), { ssr: false });
export const ParagraphStatusPanel = dynamic(() => loadParts().then((m) => m.ParagraphStatusPanel), { ssr: false });
export const GlossaryCard = dynamic(() => loadParts().then((m) => m.GlossaryCard), { ssr: false });
