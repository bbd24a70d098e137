// Loads a clause together with the role the person's organisation holds in its instrument.
// Pages and the collaboration socket both go through here and then ask `can`.

import type { SessionUser } from "@/lib/auth/session-user";
import { prisma } from "@/lib/db/prisma";
import type { Actor } from "@/lib/permissions/can";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function findClauseAccess(user: SessionUser, clauseId: string) {
  if (!UUID.test(clauseId)) return null;
  const clause = await prisma.clause.findUnique({
    where: { id: clauseId },
    include: {
      chapter: true,
      instrument: { include: { participants: { where: { organizationId: user.organizationId } } } },
    },
  });
  if (!clause) return null;
  const actor: Actor = {
    userId: user.id,
    organizationId: user.organizationId,
    active: true,
    role: clause.instrument.participants[0]?.role ?? null,
    observersMayComment: clause.instrument.observersMayComment,
  };
  return { clause, actor };
}
