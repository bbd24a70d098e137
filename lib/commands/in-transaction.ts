// Every write runs in one transaction, and a command can run inside another's: given `tx`, it
// joins that transaction; without, it opens its own. What must happen only once the change is
// committed (telling open clause rooms) is queued with afterCommit and runs after the outermost
// transaction opened here commits — never for a change that was rolled back.

import { AUDIT_TRANSACTION_OPTIONS } from "@/lib/audit/record-audit-event";
import type { Prisma } from "@/lib/db/generated/client";
import { prisma } from "@/lib/db/prisma";
import { log } from "@/lib/log";

export type Tx = Prisma.TransactionClient;

type Effect = () => void | Promise<void>;

const pending = new WeakMap<Tx, Effect[]>();

/** `options`: a command that writes much at once (a Word import) may allow its transaction longer. */
export async function inTransaction<T>(
  tx: Tx | undefined,
  work: (tx: Tx) => Promise<T>,
  options: { maxWait: number; timeout: number } = AUDIT_TRANSACTION_OPTIONS,
): Promise<T> {
  if (tx) return work(tx);
  const effects: Effect[] = [];
  // Audit appends queue on the audit lock: allow longer than Prisma's default five seconds.
  const result = await prisma.$transaction(async (own) => {
    pending.set(own, effects);
    return work(own);
  }, options);
  // In order, each awaited. The change is committed whatever they do: a failure is logged, never
  // reported as if the command had failed.
  for (const effect of effects) {
    try {
      await effect();
    } catch (error) {
      log.error({ event: "command.after-commit-failed", err: error }, "an effect after commit failed");
    }
  }
  return result;
}

/**
 * Runs `effect` once the transaction commits, before the outermost command returns (at once for a
 * transaction not opened by inTransaction).
 */
export function afterCommit(tx: Tx, effect: Effect): void {
  const queue = pending.get(tx);
  if (queue) queue.push(effect);
  else void effect();
}
