"use client";
// Accept / reject with an optional reason — for one proposal, a delegation's, or all.
import { useId, useState } from "react";

export function DecisionControls({
  label,
  busy,
  onDecide,
}: {
  /** What is decided, read by screen readers: "this proposal", "all of Australia's proposals". */
  label: string;
  busy: boolean;
  onDecide: (outcome: "ACCEPTED" | "REJECTED", reason: string) => void;
}) {
  const [reason, setReason] = useState("");
  const id = useId();
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="sr-only">
        Reason for deciding {label} (optional)
      </label>
      <input
        id={id}
        value={reason}
        onChange={(event) => setReason(event.target.value)}
        placeholder="Reason (optional)"
        maxLength={2000}
        className="w-full rounded border border-slate-300 px-2 py-1 text-xs"
      />
      <div className="flex gap-1">
        <button
          type="button"
          disabled={busy}
          onClick={() => onDecide("ACCEPTED", reason)}
          aria-label={`Accept ${label}`}
          className="rounded bg-emerald-700 px-2 py-1 text-xs font-medium text-white hover:bg-emerald-800 disabled:opacity-50"
        >
          Accept
        </button>
        <button
          type="button"
          disabled={busy}
          onClick={() => onDecide("REJECTED", reason)}
          aria-label={`Reject ${label}`}
          className="rounded bg-rose-700 px-2 py-1 text-xs font-medium text-white hover:bg-rose-800 disabled:opacity-50"
        >
          Reject
        </button>
      </div>
    </div>
  );
}
