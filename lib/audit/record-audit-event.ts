// Appends one entry to the audit trail, inside the caller's transaction, so the entry exists
// exactly when the change it records does. The trail's anchor (AuditAnchor: how many entries,
// the last one's id and hash) is the head every entry chains from; its row is locked until
// commit, which puts appends in one order, and moved forward with the entry. Entries cut from
// the end then leave the anchor ahead of the chain, and an entry written after such a cut does
// not follow the entry before it: `npm run audit:verify` reports both.
import type { SessionUser } from "@/lib/auth/session-user";
import type { Prisma } from "@/lib/db/generated/client";
import { prisma } from "@/lib/db/prisma";
import { type AuditFields, auditHash } from "./audit-hash";

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
  const [anchor] = await tx.$queryRaw<{ lastHash: string }[]>`
    SELECT "lastHash" FROM "AuditAnchor" WHERE id = 1 FOR UPDATE`;
  if (!anchor) throw new Error("The audit trail has no anchor: apply the migrations (npm run db:migrate).");
  const previousHash = anchor.lastHash;
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
  const hash = auditHash(previousHash, fields);
  const { id } = await tx.auditEvent.create({
    data: { ...fields, details: fields.details as Prisma.InputJsonValue, previousHash, hash },
    select: { id: true },
  });
  await tx.auditAnchor.update({
    where: { id: 1 },
    data: { entries: { increment: 1 }, lastId: id, lastHash: hash, at: fields.at },
  });
}

/** For events that are not part of another write (sign-in, failed sign-in). */
export async function recordAuditEventAlone(event: AuditEventInput): Promise<void> {
  await prisma.$transaction((tx) => recordAuditEvent(tx, event), AUDIT_TRANSACTION_OPTIONS);
}

/** Appends wait their turn on the lock: allow for a burst (many sign-ins at the opening of a session). */
export const AUDIT_TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 20_000 };
