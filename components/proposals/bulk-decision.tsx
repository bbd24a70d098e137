"use client";
// Deciding many proposals at once — all of a delegation's, or all in the clause. Set apart from
// the per-proposal buttons (its own framed box, outlined buttons ending in "…"), and never
// done in one click: it opens a dialog saying how many proposals of which delegations will be
// decided, takes the reason, and asks to confirm. Escape or Cancel leaves everything as it was.
import { useId, useState } from "react";
import type { ProposalView } from "@/lib/proposals/list-clause-proposals";
import { ConfirmDialog } from "./confirm-dialog";

type Outcome = "ACCEPTED" | "REJECTED";

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "Australia (3), Canada (1)": who the decision reaches, most proposals first. */
export function delegationsOf(proposals: readonly ProposalView[]): { name: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const p of proposals) counts.set(p.delegation.name, (counts.get(p.delegation.name) ?? 0) + 1);
  return [...counts]
    .map(([name, count]) => ({ name, count }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}

export function BulkDecision({
  scope,
  proposals,
  busy,
  onDecide,
}: {
  /** What is decided, in words: "this clause", "Australia". */
  scope: { kind: "clause" } | { kind: "delegation"; name: string };
  /** The open proposals the decision would take: exactly those sent with it. */
  proposals: readonly ProposalView[];
  busy: boolean;
  onDecide: (outcome: Outcome, reason: string) => void;
}) {
  const [asking, setAsking] = useState<Outcome | null>(null);
  const [reason, setReason] = useState("");
  const reasonId = useId();
  const count = proposals.length;
  const delegations = delegationsOf(proposals);
  const heading = scope.kind === "clause" ? "All open proposals in this clause" : `All open proposals (${scope.name})`;
  const verb = asking === "ACCEPTED" ? "Accept" : "Reject";
  const close = () => setAsking(null);

  return (
    <div className="mt-3 rounded-md border-2 border-dashed border-slate-400 bg-white p-2" data-testid="bulk-decision">
      <p className="text-xs font-semibold text-slate-800">Decide several at once</p>
      <p className="text-xs text-slate-600">
        {heading}: {plural(count, "proposal", "proposals")} from{" "}
        {plural(delegations.length, "delegation", "delegations")}
      </p>
      <div className="mt-1.5 flex gap-2">
        {(["ACCEPTED", "REJECTED"] as const).map((outcome) => (
          <button
            key={outcome}
            type="button"
            disabled={busy || count === 0}
            onClick={() => setAsking(outcome)}
            className={`rounded border-2 bg-white px-2 py-1 text-xs font-semibold disabled:opacity-50 ${outcome === "ACCEPTED" ? "border-emerald-700 text-emerald-800 hover:bg-emerald-50" : "border-rose-700 text-rose-800 hover:bg-rose-50"}`}
          >
            {outcome === "ACCEPTED" ? "Accept all…" : "Reject all…"}
          </button>
        ))}
      </div>
      <ConfirmDialog
        open={asking !== null}
        title={`${verb} ${plural(count, "proposal", "proposals")}?`}
        onClose={close}
      >
        <p className="text-sm text-slate-700" data-testid="bulk-summary">
          {verb === "Accept" ? "Accepting" : "Rejecting"}{" "}
          {scope.kind === "clause" ? "every open proposal in this clause" : `every open proposal of ${scope.name}`}:{" "}
          {plural(count, "proposal", "proposals")} from {plural(delegations.length, "delegation", "delegations")}.
        </p>
        <ul className="max-h-40 list-disc overflow-auto pl-5 text-sm text-slate-700" aria-label="Delegations">
          {delegations.map((d) => (
            <li key={d.name}>
              {d.name}: {plural(d.count, "proposal", "proposals")}
            </li>
          ))}
        </ul>
        <div className="space-y-1">
          <label htmlFor={reasonId} className="block text-xs font-medium text-slate-700">
            Reason (optional, shown to the delegations)
          </label>
          <textarea
            id={reasonId}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            maxLength={2000}
            rows={2}
            className="w-full rounded border border-slate-300 px-2 py-1 text-sm"
          />
        </div>
        <p className="text-xs text-slate-600">You can undo it for 30 seconds afterwards.</p>
        <div className="flex justify-end gap-2">
          <button
            type="button"
            // Cancel comes first and takes focus: the safe choice is the one under Enter.
            data-autofocus
            onClick={close}
            className="rounded border border-slate-300 px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50"
          >
            Cancel
          </button>
          <button
            type="button"
            disabled={busy}
            onClick={() => {
              const outcome = asking as Outcome;
              close();
              onDecide(outcome, reason);
              setReason("");
            }}
            className={`rounded px-3 py-1.5 text-sm font-semibold text-white disabled:opacity-50 ${asking === "ACCEPTED" ? "bg-emerald-700 hover:bg-emerald-800" : "bg-rose-700 hover:bg-rose-800"}`}
          >
            {verb} {plural(count, "proposal", "proposals")}
          </button>
        </div>
      </ConfirmDialog>
    </div>
  );
}
