"use client";
// What the chair just decided, said in words — "12 proposals rejected" — with Undo for 30
// seconds (the server still accepts it for a little longer, and refuses with its reason once the
// words were edited since). After an undo it says so; a refused undo says why.
import { useEffect, useState } from "react";

/** How long the page offers Undo after a decision. */
export const UNDO_OFFERED_MS = 30_000;

export type Decision = { decisionId: string; count: number; outcome: "ACCEPTED" | "REJECTED"; nonce: number };

export function decisionWords(count: number, outcome: "ACCEPTED" | "REJECTED"): string {
  return `${count} ${count === 1 ? "proposal" : "proposals"} ${outcome === "ACCEPTED" ? "accepted" : "rejected"}`;
}

export function DecisionNotice({
  decision,
  onUndo,
  onDismiss,
}: {
  decision: Decision;
  /** Answers the server's refusal, or null once undone. */
  onUndo: (decisionId: string) => Promise<string | null>;
  onDismiss: () => void;
}) {
  const [state, setState] = useState<"offered" | "undoing" | "undone" | "expired">("offered");
  const [refusal, setRefusal] = useState<string | null>(null);
  // One notice per decision (the panel keys it by the decision): the offer runs out once.
  useEffect(() => {
    const timer = setTimeout(() => setState((s) => (s === "offered" ? "expired" : s)), UNDO_OFFERED_MS);
    return () => clearTimeout(timer);
  }, []);

  const words = decisionWords(decision.count, decision.outcome);
  return (
    <div
      // A toast at the foot of the window, as Docs and Gmail put Undo: seen wherever the card was.
      className="fixed bottom-4 left-1/2 z-50 flex w-max max-w-[calc(100vw-2rem)] -translate-x-1/2 flex-wrap items-center justify-between gap-x-4 gap-y-1 rounded-md bg-slate-800 px-4 py-2.5 text-sm text-white shadow-xl"
      data-testid="decision-notice"
    >
      <p role="status" className="min-w-0">
        {state === "undone"
          ? `Undone: ${decision.count === 1 ? "the proposal is" : `${decision.count} proposals are`} open again.`
          : words}
        {refusal && (
          <span role="alert" className="block text-amber-200">
            {refusal}
          </span>
        )}
      </p>
      <div className="flex gap-3">
        {(state === "offered" || state === "undoing") && (
          <button
            type="button"
            disabled={state === "undoing"}
            onClick={async () => {
              setState("undoing");
              const refused = await onUndo(decision.decisionId);
              setRefusal(refused);
              setState(refused ? "expired" : "undone");
            }}
            className="font-semibold text-sky-200 underline hover:text-white disabled:opacity-60"
            aria-label={`Undo: ${words}`}
          >
            Undo
          </button>
        )}
        <button type="button" onClick={onDismiss} className="text-slate-300 underline hover:text-white">
          Dismiss
        </button>
      </div>
    </div>
  );
}
