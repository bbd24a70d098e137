// The presentations running now, one per instrument at most, as this instance knows them: its own
// presenters' and — through the plenary link (plenary-link.ts) — the other instances'. The plenary
// page reads them to know which clause to follow (Next bundles pages apart from server.ts, hence
// globalThis, as lib/collab/collab-instance.ts does).
import type { Presentation, PresentedView } from "./plenary-messages";

export type Running = { presentation: Presentation; view: PresentedView | null };

const holder = globalThis as typeof globalThis & { clauseworkPresentations?: Map<string, Running> };

/** Called by the process's collaboration server (plenary-extension.ts). */
export function registerPresentations(running: Map<string, Running>): void {
  holder.clauseworkPresentations = running;
}

/** What is presented in the instrument now, or null. */
export function currentPresentation(instrumentId: string): Presentation | null {
  return holder.clauseworkPresentations?.get(instrumentId)?.presentation ?? null;
}
