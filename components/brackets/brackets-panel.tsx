"use client";
// Square brackets in the clause room: how many passages are still bracketed, each with the
// delegation that bracketed it, who, when and why; "Bracket the selected words" for delegations
// (and the chair), "Remove brackets" for the chair — which records that the words are agreed.
// The server places and removes the marks (lib/brackets); the list follows the text live.
import type { HocuspocusProvider } from "@hocuspocus/provider";
import type { Editor } from "@tiptap/react";
import { useState } from "react";
import { commentSelection } from "@/components/comments/editor-selection";
import { bracketsApi } from "./brackets-api";
import { useBrackets } from "./use-brackets";

export function BracketsPanel({
  clauseId,
  editor,
  provider,
  canBracket,
  canRemove,
}: {
  clauseId: string;
  editor: Editor;
  provider: HocuspocusProvider;
  canBracket: boolean;
  canRemove: boolean;
}) {
  const brackets = useBrackets(provider);
  const [note, setNote] = useState("");
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  async function bracketSelection() {
    const selection = commentSelection(editor);
    if (!selection) {
      setMessage("Select the words to bracket first.");
      return;
    }
    setBusy(true);
    const result = await bracketsApi.place(clauseId, { ...selection.anchor, note: note.trim() || undefined });
    setBusy(false);
    setMessage(result.ok ? null : result.error);
    if (result.ok) setNote("");
  }

  async function remove(bracketId: string) {
    setBusy(true);
    const result = await bracketsApi.remove(clauseId, bracketId);
    setBusy(false);
    setMessage(result.ok ? null : result.error);
  }

  const count = brackets.length;
  return (
    <section aria-labelledby="brackets-heading" className="mt-4 rounded-lg border border-slate-200 bg-white p-3">
      <h2 id="brackets-heading" className="flex items-baseline justify-between gap-2 text-sm font-semibold">
        Square brackets
        <span className="text-xs font-normal text-slate-600" data-testid="brackets-remaining">
          {count === 0 ? "No passage in brackets" : `${count} ${count === 1 ? "passage" : "passages"} in brackets`}
        </span>
      </h2>
      {canBracket && (
        <div className="mt-2 flex flex-wrap items-center gap-2">
          <label className="sr-only" htmlFor="bracket-note">
            Why (optional)
          </label>
          <input
            id="bracket-note"
            value={note}
            onChange={(event) => setNote(event.target.value)}
            maxLength={500}
            placeholder="Why (optional)"
            className="min-w-0 flex-1 rounded-md border border-slate-300 px-2 py-1 text-sm"
          />
          <button
            type="button"
            disabled={busy}
            // Keep the editor's selection: the button must not take it away before it is read.
            onMouseDown={(event) => event.preventDefault()}
            onClick={bracketSelection}
            className="rounded-md bg-rose-800 px-3 py-1 text-sm font-medium text-white hover:bg-rose-900 disabled:opacity-50"
          >
            Bracket the selected words
          </button>
        </div>
      )}
      {message && (
        <p role="alert" className="mt-2 rounded-md bg-red-50 px-2 py-1 text-sm text-red-800">
          {message}
        </p>
      )}
      {count > 0 && (
        <ul className="mt-2 divide-y divide-slate-100">
          {brackets.map((bracket) => (
            <li
              key={bracket.id}
              data-bracket={bracket.id}
              className="flex items-start justify-between gap-2 py-2 text-sm"
            >
              <span>
                <span className="font-medium text-rose-900">[{bracket.words}]</span>{" "}
                <span className="text-slate-600">
                  — {bracket.organizationCode} ({bracket.personName}, {bracket.at.slice(0, 10)})
                </span>
                {bracket.note && <span className="block text-slate-600">“{bracket.note}”</span>}
              </span>
              {canRemove && (
                <button
                  type="button"
                  disabled={busy}
                  onClick={() => remove(bracket.id)}
                  aria-label={`Remove brackets (agreed): ${bracket.words}`}
                  className="shrink-0 rounded-md border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-50 disabled:opacity-50"
                >
                  Remove brackets
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
