"use client";
// Editing, Suggesting or Viewing — as in Google Docs. Which modes a person may use comes from
// the permissions module (passed in by the page); the default is the most they may do.
import { useState } from "react";

export type EditorMode = "editing" | "suggesting" | "viewing";

export const MODE_LABELS: Record<EditorMode, { label: string; hint: string }> = {
  editing: { label: "Editing", hint: "Edit the agreed text directly" },
  suggesting: { label: "Suggesting", hint: "Edits become proposals for the chair to decide" },
  viewing: { label: "Viewing", hint: "Read the agreed text, without proposals" },
};

export function availableModes({ canEdit, canSuggest }: { canEdit: boolean; canSuggest: boolean }): EditorMode[] {
  return [...(canEdit ? (["editing"] as const) : []), ...(canSuggest ? (["suggesting"] as const) : []), "viewing"];
}

export function useEditorMode(modes: EditorMode[]) {
  const [mode, setMode] = useState<EditorMode>(modes[0]);
  return { mode, setMode: (next: EditorMode) => modes.includes(next) && setMode(next) };
}
