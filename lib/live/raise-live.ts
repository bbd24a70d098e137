// Says that something the live streams show has changed, where the fact changes: a clause's
// summary (its room was told too: lib/clauses/clause-messages-server.ts), someone's notifications.
// Call it after the change is committed (afterCommit). The process's live hub registers itself
// here (lib/live/live-hub.ts, started by server.ts; Next bundles route handlers apart from
// server.ts, hence globalThis); with REDIS_URL set it relays the signal to every instance.
// Without a hub (tests of other capabilities, scripts) a signal is dropped: nobody is listening.

import type { AccessChange } from "@/lib/access/announce-access-change";
import type { Tx } from "@/lib/commands/in-transaction";
import { afterCommit } from "@/lib/commands/in-transaction";

/** What instances tell each other. Ids only: each instance reads the facts itself. */
export type LiveSignal =
  | { kind: "clause"; clauseId: string }
  | { kind: "notifications"; userIds: string[] }
  | { kind: "access"; change: AccessChange };

const holder = globalThis as typeof globalThis & { clauseworkLive?: (signal: LiveSignal) => void };

export function listenForLiveSignals(listener: ((signal: LiveSignal) => void) | undefined): void {
  holder.clauseworkLive = listener;
}

export function raiseLive(signal: LiveSignal): void {
  holder.clauseworkLive?.(signal);
}

/** A clause's number, title, topics, status, open threads or open proposals may have changed. */
export function raiseClauseChanged(clauseId: string): void {
  raiseLive({ kind: "clause", clauseId });
}

/** These people's notifications changed; told once `tx` commits. */
export function raiseNotificationsChanged(tx: Tx, userIds: readonly string[]): void {
  if (userIds.length === 0) return;
  const ids = [...new Set(userIds)];
  afterCommit(tx, () => raiseLive({ kind: "notifications", userIds: ids }));
}

/** An instrument's outline changed (a clause or chapter added or moved): its clause lists read again. */
export function raiseOutlineChanged(tx: Tx, instrumentId: string): void {
  afterCommit(tx, () => raiseLive({ kind: "access", change: { instrumentId } }));
}
