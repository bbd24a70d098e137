// A transaction that records an audit entry: appends queue on the audit lock, so it is given
// more time than Prisma's default five seconds before it is abandoned.
import type { Prisma } from "@/lib/db/generated/client";
import { prisma } from "@/lib/db/prisma";
import { AUDIT_TRANSACTION_OPTIONS } from "./record-audit-event";

export function auditedTransaction<T>(work: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
  return prisma.$transaction(work, AUDIT_TRANSACTION_OPTIONS);
}
