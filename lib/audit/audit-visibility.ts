// Which entries of the audit trail an instrument's trail shows to the person reading it (the
// chair or secretariat: audit.view). Its own entries, and of the entries that belong to no
// instrument (sign-ins, failed sign-ins), those that concern a person taking part in it — as
// the one who acted or the account they were about — or the reader themselves. An entry about
// no account (a failed sign-in with an email that is no account) concerns nobody in any
// instrument and is shown in none: see record-refused-sign-in.ts for what it keeps.
import type { Prisma, PrismaClient } from "@/lib/db/generated/client";

type Db = Pick<PrismaClient, "membership">;

export async function auditEventsVisibleIn(
  db: Db,
  instrumentId: string,
  readerId: string,
): Promise<Prisma.AuditEventWhereInput> {
  const members = await db.membership.findMany({
    where: { organization: { participants: { some: { instrumentId } } } },
    select: { userId: true },
    distinct: ["userId"],
  });
  const people = [...new Set([readerId, ...members.map((m) => m.userId)])];
  return {
    OR: [
      { instrumentId },
      {
        instrumentId: null,
        OR: [{ actorUserId: { in: people } }, { targetType: "user", targetId: { in: people } }],
      },
    ],
  };
}
