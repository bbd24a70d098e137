"use client";
// The mode switch above the clause text.
import { type EditorMode, MODE_LABELS } from "./use-editor-mode";

export function ModeSwitch({
  modes,
  mode,
  onChange,
}: {
  modes: EditorMode[];
  mode: EditorMode;
  onChange: (mode: EditorMode) => void;
}) {
  return (
    <fieldset className="inline-flex rounded-md border border-slate-300 bg-white p-0.5">
      <legend className="sr-only">Mode</legend>
      {modes.map((option) => (
        <button
          key={option}
          type="button"
          aria-pressed={mode === option}
          title={MODE_LABELS[option].hint}
          onClick={() => onChange(option)}
          className={`rounded px-3 py-1 text-sm focus-visible:outline-2 focus-visible:outline-un ${
            mode === option ? "bg-un text-white" : "text-slate-700 hover:bg-slate-100"
          }`}
        >
          {MODE_LABELS[option].label}
        </button>
      ))}
    </fieldset>
  );
}
