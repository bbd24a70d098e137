// Every write runs in one transaction, and a command can run inside another's: given `tx`, it
// joins that transaction; without, it opens its own. What must happen only once the change is
// committed (telling open clause rooms) is queued with afterCommit and runs after the outermost
// transaction opened here commits — never for a change that was rolled back.

import { AUDIT_TRANSACTION_OPTIONS } from "@/lib/audit/record-audit-event";
import type { Prisma } from "@/lib/db/generated/client";
import { prisma } from "@/lib/db/prisma";

export type Tx = Prisma.TransactionClient;

const pending = new WeakMap<Tx, (() => void)[]>();

export async function inTransaction<T>(tx: Tx | undefined, work: (tx: Tx) => Promise<T>): Promise<T> {
  if (tx) return work(tx);
  const effects: (() => void)[] = [];
  // Audit appends queue on the audit lock: allow longer than Prisma's default five seconds.
  const result = await prisma.$transaction(async (own) => {
    pending.set(own, effects);
    return work(own);
  }, AUDIT_TRANSACTION_OPTIONS);
  for (const effect of effects) effect();
  return result;
}

/** Runs `effect` once the transaction commits (at once for a transaction not opened by inTransaction). */
export function afterCommit(tx: Tx, effect: () => void): void {
  const queue = pending.get(tx);
  if (queue) queue.push(effect);
  else effect();
}
