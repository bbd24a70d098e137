import "server-only";
// The audit trail as the secretariat browses it: newest first, filtered, a page at a time.
// An instrument's trail holds its own events, and of those that belong to no instrument
// (sign-ins) the ones about its people and the reader (audit-visibility.ts).
import type { Prisma } from "@/lib/db/generated/client";
import { prisma } from "@/lib/db/prisma";
import { auditEventsVisibleIn } from "./audit-visibility";

export const AUDIT_PAGE_SIZE = 50;

export type AuditFilter = {
  /** Action or its beginning: "signin" matches signin, signin.failed and signin.throttled. */
  action?: string;
  /** Part of the actor's name or organisation code. */
  who?: string;
  from?: Date;
  to?: Date;
  /** Entries older than this id (the next page). */
  before?: bigint;
};

export async function listAuditEvents(instrumentId: string, readerId: string, filter: AuditFilter) {
  const where: Prisma.AuditEventWhereInput = {
    AND: [
      await auditEventsVisibleIn(prisma, instrumentId, readerId),
      filter.action ? { action: { startsWith: filter.action } } : {},
      filter.who
        ? {
            OR: [
              { actorName: { contains: filter.who, mode: "insensitive" } },
              { organizationCode: { contains: filter.who, mode: "insensitive" } },
            ],
          }
        : {},
      filter.from ? { at: { gte: filter.from } } : {},
      filter.to ? { at: { lt: filter.to } } : {},
      filter.before ? { id: { lt: filter.before } } : {},
    ],
  };
  const rows = await prisma.auditEvent.findMany({ where, orderBy: { id: "desc" }, take: AUDIT_PAGE_SIZE + 1 });
  return {
    events: rows.slice(0, AUDIT_PAGE_SIZE),
    nextBefore: rows.length > AUDIT_PAGE_SIZE ? rows[AUDIT_PAGE_SIZE - 1].id : null,
  };
}

export async function listAuditActions(instrumentId: string, readerId: string): Promise<string[]> {
  const rows = await prisma.auditEvent.findMany({
    where: await auditEventsVisibleIn(prisma, instrumentId, readerId),
    distinct: ["action"],
    select: { action: true },
    orderBy: { action: "asc" },
  });
  return rows.map((r) => r.action);
}
