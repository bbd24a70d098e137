// Turns a session token's person (and the session version it was issued at) into the person and
// organisation the app acts for. Read from the database every time, so a deactivation, a move to
// another delegation or an ended session (sign-out, a new password: lib/auth/end-every-session.ts)
// takes effect at once rather than when the token expires.
import { prisma } from "@/lib/db/prisma";
import { isUuid } from "@/lib/ids/uuid";
import type { SessionUser } from "./session-user";

/**
 * `sessionVersion` is the version the token carries (sessionVersionOf); the person is found only
 * while it is still theirs. Leave it out only where no session token is involved (the sign-in
 * event, tests).
 */
export async function findSessionUser(userId: string, sessionVersion?: number): Promise<SessionUser | null> {
  if (!isUuid(userId)) return null;
  const user = await prisma.user.findUnique({
    where: { id: userId },
    include: { memberships: { include: { organization: true }, orderBy: { createdAt: "asc" }, take: 1 } },
  });
  const organization = user?.memberships[0]?.organization;
  if (!user?.active || !organization) return null;
  if (sessionVersion !== undefined && sessionVersion !== user.sessionVersion) return null;
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
