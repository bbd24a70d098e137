// The person behind a session, as the permissions module sees them: who, for which organisation,
// and whether their account is active — read from the database, not assumed, so an Actor
// (actorIn, lib/permissions/can.ts) never says "active" for someone deactivated a moment ago.
import { prisma } from "@/lib/db/prisma";
import type { Person } from "@/lib/permissions/can";

export async function actingPerson(user: { id: string; organizationId: string }): Promise<Person> {
  const row = await prisma.user.findUnique({ where: { id: user.id }, select: { active: true } });
  return { userId: user.id, organizationId: user.organizationId, active: row?.active ?? false };
}
