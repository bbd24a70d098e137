"use client";
// On a phone the margin is hidden: tapping highlighted or proposed words opens their cards in a
// sheet from the bottom of the screen — a modal dialog (the rest of the page cannot be reached
// meanwhile), closed with its Close button or Escape, giving focus back where it was.
import { useEffect, useRef, useState } from "react";
import { useMargin } from "./margin-context";

export function MarginSheet() {
  const { sheetKeys, closeSheet, setSheetLists } = useMargin();
  const dialog = useRef<HTMLDialogElement>(null);
  const [proposals, setProposals] = useState<HTMLOListElement | null>(null);
  const [threads, setThreads] = useState<HTMLOListElement | null>(null);
  useEffect(() => setSheetLists({ proposals, threads }), [proposals, threads, setSheetLists]);

  const open = sheetKeys !== null;
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);

  return (
    <dialog
      ref={dialog}
      aria-labelledby="margin-sheet-title"
      onClose={closeSheet}
      className="group fixed inset-x-0 top-auto bottom-0 m-0 max-h-[80dvh] w-full max-w-none overflow-y-auto rounded-t-2xl bg-slate-50 p-4 shadow-2xl backdrop:bg-slate-900/40"
      data-testid="margin-sheet"
    >
      <div className="mb-3 flex items-center justify-between gap-2">
        <h2 id="margin-sheet-title" className="text-sm font-semibold text-slate-700">
          On these words
        </h2>
        <button
          type="button"
          onClick={() => dialog.current?.close()}
          className="rounded border border-slate-300 bg-white px-3 py-1 text-sm font-medium text-slate-700 hover:bg-slate-100"
        >
          Close
        </button>
      </div>
      <ol ref={setProposals} aria-label="Proposals" className="space-y-2" />
      <ol ref={setThreads} aria-label="Comment threads" className="mt-2 space-y-3" />
      <p className="text-sm text-slate-500 group-has-[li]:hidden">Nothing more on these words.</p>
    </dialog>
  );
}
