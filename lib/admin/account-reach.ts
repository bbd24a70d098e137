// Acting on a person's account reaches every instrument they take part in, not only the one
// whose page the act starts from. This loads the facts — which instruments the act reaches,
// which of them the actor manages, whether the actor is a system administrator — and asks the
// permissions module (canActOnAccount). It also writes the act into each reached instrument's
// audit trail, so no instrument's trail misses what was done to its people from elsewhere.
// Attaching an organisation to an instrument acts on all its people's accounts at once
// (requireAttachReach).
// Takes the command's transaction, so the facts and the change are read and written together.

import { type AuditEventInput, recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors/app-error";
import {
  type AccountActor,
  canActOnAccount,
  canAttachOrganization,
  instrumentsWhereMembersManaged,
} from "@/lib/permissions/can";

type Tx = Prisma.TransactionClient;

export const BEYOND_REACH =
  "This account also counts in an instrument your delegation does not manage. Only a secretariat that manages every instrument it takes part in, or a system administrator, may change it.";

/** The instruments where the person takes part, through any of their organisations. */
export async function instrumentsOfPerson(tx: Tx, userId: string): Promise<string[]> {
  const rows = await tx.participant.findMany({
    where: { organization: { memberships: { some: { userId } } } },
    select: { instrumentId: true },
  });
  return [...new Set(rows.map((row) => row.instrumentId))];
}

/** The instruments where the organisation takes part. */
export async function instrumentsOfOrganization(tx: Tx, organizationId: string): Promise<string[]> {
  const rows = await tx.participant.findMany({ where: { organizationId }, select: { instrumentId: true } });
  return [...new Set(rows.map((row) => row.instrumentId))];
}

/** Who is acting, as the account rule needs it: read afresh, inside the transaction. */
export async function accountActor(tx: Tx, actor: { id: string; organizationId: string }): Promise<AccountActor> {
  const [user, participations] = await Promise.all([
    tx.user.findUnique({ where: { id: actor.id }, select: { active: true, systemAdmin: true } }),
    tx.participant.findMany({
      where: { organizationId: actor.organizationId },
      select: { instrumentId: true, role: true, instrument: { select: { observersMayComment: true } } },
    }),
  ]);
  const person = { userId: actor.id, organizationId: actor.organizationId, active: user?.active ?? false };
  return {
    active: person.active,
    systemAdmin: user?.systemAdmin ?? false,
    managesMembersOf: instrumentsWhereMembersManaged(
      person,
      participations.map((p) => ({
        instrumentId: p.instrumentId,
        role: p.role,
        observersMayComment: p.instrument.observersMayComment,
      })),
    ),
  };
}

/** Refuses ("forbidden") unless the actor may act on an account that reaches these instruments. */
export async function requireAccountReach(
  tx: Tx,
  actor: { id: string; organizationId: string },
  instrumentIds: readonly string[],
): Promise<void> {
  if (!canActOnAccount(await accountActor(tx, actor), { instrumentIds })) {
    throw new AppError("forbidden", BEYOND_REACH);
  }
}

/** Why attaching an organisation that also takes part elsewhere is refused. */
export function attachBeyondReach(code: string): string {
  return `${code} also takes part in an instrument your delegation does not manage. Attaching it here would change who may manage its people's accounts there, so only a system administrator may attach it.`;
}

/**
 * Refuses ("forbidden") unless the actor may attach the organisation to another instrument
 * (canAttachOrganization); answers where it already takes part, which the attachment reaches.
 * Locks the organisation first, so two attachments of it are judged one after the other.
 */
export async function requireAttachReach(
  tx: Tx,
  actor: { id: string; organizationId: string },
  organization: { id: string; code: string },
  joins: string | null,
): Promise<string[]> {
  await tx.$queryRaw`SELECT id FROM "Organization" WHERE id = ${organization.id}::uuid FOR UPDATE`;
  const alreadyIn = (await instrumentsOfOrganization(tx, organization.id)).filter((id) => id !== joins);
  if (!canAttachOrganization(await accountActor(tx, actor), { alreadyIn })) {
    throw new AppError("forbidden", attachBeyondReach(organization.code));
  }
  return alreadyIn;
}

/** Serialises acts on one account: the instruments it reaches cannot change while one is judged. */
export async function lockAccount(tx: Tx, userId: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "User" WHERE id = ${userId}::uuid FOR UPDATE`;
}

/**
 * One audit entry in each reached instrument's trail; each names every instrument reached (by
 * short title) so a reader of one trail knows the act went further.
 */
export async function recordAccountEvent(
  tx: Tx,
  instrumentIds: readonly string[],
  event: Omit<AuditEventInput, "instrumentId">,
): Promise<void> {
  const instruments = await tx.instrument.findMany({
    where: { id: { in: [...instrumentIds] } },
    select: { id: true, shortTitle: true },
    orderBy: { createdAt: "asc" },
  });
  const details = { ...event.details, instruments: instruments.map((i) => i.shortTitle) };
  for (const instrument of instruments) {
    await recordAuditEvent(tx, { ...event, instrumentId: instrument.id, details });
  }
}
