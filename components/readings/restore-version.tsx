"use client";
// The chair's "Restore this version": asks first, saying what will happen — proposals of the
// chair's delegation against the current text, nothing changed until they are accepted — then
// says what was proposed and links to the clause, where they are in the proposals panel.
import Link from "next/link";
import { useState } from "react";
import { callRoute } from "@/components/call-route";
import { ConfirmDialog } from "@/components/proposals/confirm-dialog";
import type { Restored, RestorePreview } from "@/lib/readings/restore-clause-version";

const plural = (count: number) => `${count} ${count === 1 ? "proposal" : "proposals"}`;

export function RestoreVersion({
  clauseId,
  versionId,
  versionName,
  preview,
}: {
  clauseId: string;
  versionId: string;
  versionName: string;
  preview: RestorePreview;
}) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<Restored | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function restore() {
    setAsking(false);
    setBusy(true);
    setError(null);
    const result = await callRoute<Restored>(
      "POST",
      `/api/clauses/${clauseId}/versions/${versionId}/restore`,
      {},
      "The server could not be reached. Nothing was proposed.",
    );
    setBusy(false);
    if (result.ok) setDone(result.value);
    else setError(result.error);
  }

  return (
    <section
      id="restore"
      className="mt-4 rounded border border-slate-200 bg-white p-4"
      aria-label="Restore this version"
    >
      <h2 className="text-sm font-semibold">Restore this version</h2>
      {done ? (
        <p className="mt-2 text-sm" role="status">
          {done.message}{" "}
          {done.proposals.length > 0 ? (
            <Link href={`/clauses/${clauseId}?proposal=${done.proposals[0]}`} className="text-un hover:underline">
              Review them in the clause
            </Link>
          ) : null}
        </p>
      ) : preview.kind === "equal" ? (
        <p className="mt-2 text-sm text-slate-600">The current text already reads as this version.</p>
      ) : preview.kind === "refused" ? (
        <p className="mt-2 text-sm text-slate-600">{preview.message}</p>
      ) : (
        <>
          <p className="mt-1 text-sm text-slate-600">
            Proposes the difference from the current text to this version, as your delegation's proposals, to be decided
            like any other.
          </p>
          <button
            type="button"
            disabled={busy}
            onClick={() => setAsking(true)}
            className="mt-2 rounded border border-un px-3 py-1.5 text-sm font-medium text-un disabled:opacity-50"
          >
            Restore this version…
          </button>
        </>
      )}
      {error ? (
        <p className="mt-2 text-sm text-rose-700" role="alert">
          {error}
        </p>
      ) : null}
      {preview.kind === "proposals" ? (
        <ConfirmDialog open={asking} title={`Restore “${versionName}”?`} onClose={() => setAsking(false)}>
          <p className="text-sm text-slate-700" data-testid="restore-summary">
            This creates {plural(preview.count)} by {preview.delegation} against the current text. Nothing changes until
            they are accepted; they are reviewed and decided in the proposals panel like any other.
          </p>
          <div className="flex justify-end gap-2">
            <button
              type="button"
              data-autofocus
              onClick={() => setAsking(false)}
              className="rounded border border-slate-300 px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50"
            >
              Cancel
            </button>
            <button
              type="button"
              onClick={restore}
              className="rounded bg-un px-3 py-1.5 text-sm font-semibold text-white hover:opacity-90"
            >
              Propose {plural(preview.count)}
            </button>
          </div>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
