// The process's one collaboration server, reachable from Next's route handlers and server
// actions (which Next bundles separately from server.ts, hence globalThis).
import type { Hocuspocus } from "@hocuspocus/server";

const holder = globalThis as typeof globalThis & { clauseworkCollab?: Hocuspocus };

export function registerCollabInstance(collab: Hocuspocus): void {
  holder.clauseworkCollab = collab;
}

export function collabInstance(): Hocuspocus | null {
  return holder.clauseworkCollab ?? null;
}
