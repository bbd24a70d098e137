// Turns a user id (from a session token) into the person and organisation the app acts for.
// Read from the database every time, so a deactivation or a move to another delegation
// takes effect at once rather than when the token expires.
import { prisma } from "@/lib/db/prisma";
import type { SessionUser } from "./session-user";

export async function findSessionUser(userId: string): Promise<SessionUser | null> {
  if (!/^[0-9a-f-]{36}$/i.test(userId)) return null;
  const user = await prisma.user.findUnique({
    where: { id: userId },
    include: { memberships: { include: { organization: true }, orderBy: { createdAt: "asc" }, take: 1 } },
  });
  const organization = user?.memberships[0]?.organization;
  if (!user?.active || !organization) return null;
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    organizationId: organization.id,
    organizationName: organization.name,
    organizationCode: organization.code,
    colour: organization.colour,
  };
}
