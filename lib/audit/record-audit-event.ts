// Appends one entry to the audit trail, inside the caller's transaction, so the entry exists
// exactly when the change it records does. Appends are serialised by an advisory lock held
// until commit: each entry reads the hash of the one committed just before it.
import type { SessionUser } from "@/lib/auth/session-user";
import { lockUntilCommit } from "@/lib/db/advisory-lock";
import type { Prisma } from "@/lib/db/generated/client";
import { prisma } from "@/lib/db/prisma";
import { type AuditFields, auditHash, GENESIS_HASH } from "./audit-hash";

export type AuditEventInput = {
  /** What happened, as "subject.verb", e.g. "participant.role-changed". */
  action: string;
  /** Who did it; null for the system or an unknown person (a failed sign-in). */
  actor?:
    | (Pick<SessionUser, "id" | "name"> & Partial<Record<"organizationId" | "organizationCode", string | null>>)
    | null;
  instrumentId?: string | null;
  target?: { type: string; id: string } | null;
  /** Plain JSON: what changed, from what to what. Never secrets. */
  details?: Record<string, string | number | boolean | null | string[]>;
};

export async function recordAuditEvent(tx: Prisma.TransactionClient, event: AuditEventInput): Promise<void> {
  await lockUntilCommit(tx, { kind: "audit-trail" });
  const last = await tx.auditEvent.findFirst({ orderBy: { id: "desc" }, select: { hash: true } });
  const previousHash = last?.hash ?? GENESIS_HASH;
  const fields: AuditFields = {
    at: new Date(),
    action: event.action,
    actorUserId: event.actor?.id ?? null,
    actorName: event.actor?.name ?? null,
    organizationId: event.actor?.organizationId ?? null,
    organizationCode: event.actor?.organizationCode ?? null,
    instrumentId: event.instrumentId ?? null,
    targetType: event.target?.type ?? null,
    targetId: event.target?.id ?? null,
    details: event.details ?? {},
  };
  await tx.auditEvent.create({
    data: {
      ...fields,
      details: fields.details as Prisma.InputJsonValue,
      previousHash,
      hash: auditHash(previousHash, fields),
    },
  });
}

/** For events that are not part of another write (sign-in, failed sign-in). */
export async function recordAuditEventAlone(event: AuditEventInput): Promise<void> {
  await prisma.$transaction((tx) => recordAuditEvent(tx, event), AUDIT_TRANSACTION_OPTIONS);
}

/** Appends wait their turn on the lock: allow for a burst (many sign-ins at the opening of a session). */
export const AUDIT_TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 20_000 };
