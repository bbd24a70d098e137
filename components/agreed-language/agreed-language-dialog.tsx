"use client";
// "Agreed language" in the clause room: search the instrument's library of provisions that enjoy
// consensus, and insert one where the cursor is (replacing the selected words, if any). While
// suggesting, the passage becomes a proposal of one's delegation whose insertion carries the
// entry's id (lib/agreed-language/citation-meta.ts); the server accepts only ids of this
// instrument's library, and the proposal then reads "from: UNTOC, art. 25(1)". Insertion is
// offered only while suggesting: typed directly by the chair, the words would be agreed text
// with no proposal to carry the citation.
import type { Editor } from "@tiptap/react";
import { useState } from "react";
import { ConfirmDialog } from "@/components/proposals/confirm-dialog";
import type { EditorMode } from "@/components/proposals/use-editor-mode";
import { citationLabel } from "@/lib/agreed-language/citation-label";
import { CITATION_META } from "@/lib/agreed-language/citation-meta";
import type { AgreedLanguage } from "@/lib/agreed-language/list-agreed-language";
import { searchAgreedLanguage } from "@/lib/agreed-language/search-agreed-language";

export function AgreedLanguageDialog({
  editor,
  entries,
  mode,
  mayPropose,
}: {
  editor: Editor | null;
  entries: readonly AgreedLanguage[];
  mode: EditorMode;
  /** The person may propose here now (their role, and the socket's word). */
  mayPropose: boolean;
}) {
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState("");
  const found = searchAgreedLanguage(entries, query);
  const mayInsert = mayPropose && mode === "suggesting" && editor !== null;

  function insert(entry: AgreedLanguage) {
    if (!editor) return;
    const { state, view } = editor;
    const { from, to } = state.selection;
    setOpen(false);
    view.dispatch(state.tr.insertText(entry.text, from, to).setMeta(CITATION_META, entry.id));
    view.focus();
  }

  if (entries.length === 0) return null;
  return (
    <>
      <button
        type="button"
        onClick={() => setOpen(true)}
        className="rounded-md border border-slate-300 bg-white px-2.5 py-1 text-sm text-slate-700 hover:bg-slate-50"
      >
        Agreed language
      </button>
      <ConfirmDialog open={open} title="Agreed language" onClose={() => setOpen(false)}>
        <label className="block text-sm font-medium">
          Search the library
          <input
            type="search"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            placeholder="victims, UNTOC, art. 25…"
            data-autofocus=""
            className="mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm"
          />
        </label>
        <p className="text-xs text-slate-500">
          {mayInsert
            ? "Insert puts the passage where your cursor is, as your delegation's proposal, with its source."
            : mayPropose
              ? "Switch to Suggesting to insert a passage as a proposal that cites its source."
              : "Passages the negotiation may borrow from."}
        </p>
        <ul className="max-h-80 space-y-2 overflow-y-auto" aria-label="Passages">
          {found.map((entry) => (
            <li key={entry.id} className="rounded-md border border-slate-200 p-2 text-sm" data-testid="agreed-passage">
              <p className="text-xs font-medium text-slate-700">
                {citationLabel(entry)}
                {entry.topic && <span className="ml-2 font-normal text-slate-500">· {entry.topic}</span>}
              </p>
              <p className="mt-1 text-slate-800">{entry.text}</p>
              {mayInsert && (
                <button
                  type="button"
                  onClick={() => insert(entry)}
                  className="mt-1 rounded-md bg-un px-2.5 py-1 text-xs font-medium text-white hover:bg-un-dark"
                >
                  Insert as a proposal
                </button>
              )}
            </li>
          ))}
          {found.length === 0 && <li className="text-sm text-slate-500">No passage matches.</li>}
        </ul>
        <div className="flex justify-end">
          <button type="button" onClick={() => setOpen(false)} className="text-sm text-slate-600 underline">
            Close
          </button>
        </div>
      </ConfirmDialog>
    </>
  );
}
