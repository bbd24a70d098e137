import type { KeptCount } from "@/lib/kept-edits/offline-label";
import { offlineLabel } from "@/lib/kept-edits/offline-label";
import type { SaveState } from "./use-clause-connection";

const TEXT: Record<SaveState, { label: string; dot: string }> = {
  connecting: { label: "Connecting…", dot: "bg-slate-400" },
  saving: { label: "Saving…", dot: "bg-amber-500" },
  saved: { label: "Saved", dot: "bg-emerald-500" },
  retrying: { label: "Not saved — retrying", dot: "bg-red-500" },
  unavailable: { label: "Server unavailable — retrying", dot: "bg-red-500" },
  offline: { label: "Offline", dot: "bg-red-500" },
  "read-only": { label: "Read only", dot: "bg-slate-400" },
  refused: { label: "Not connected", dot: "bg-red-500" },
};

export function SaveStatus({ state, kept }: { state: SaveState; kept: KeptCount }) {
  const { dot } = TEXT[state];
  const label = state === "offline" ? offlineLabel(kept) : TEXT[state].label;
  return (
    <p
      role="status"
      aria-live="polite"
      data-testid="save-status"
      data-state={state}
      className="flex items-center gap-2 text-sm text-slate-600"
    >
      <span aria-hidden className={`inline-block size-2 rounded-full ${dot}`} />
      {label}
    </p>
  );
}
