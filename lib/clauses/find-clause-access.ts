// Loads a clause together with the role the person's organisation holds in its instrument and
// who the clause is restricted to. Pages, doors and the collaboration socket all go through
// here. A clause the person may not see — unknown, in an instrument their organisation is not
// part of, or restricted to other organisations — comes back as null: it does not exist for them.

import type { SessionUser } from "@/lib/auth/session-user";
import { prisma } from "@/lib/db/prisma";
import { isUuid } from "@/lib/ids/uuid";
import { actingPerson } from "@/lib/instruments/acting-person";
import { can } from "@/lib/permissions/can";
import { clauseActor } from "./clause-actor";

export async function findClauseAccess(user: SessionUser, clauseId: string) {
  if (!isUuid(clauseId)) return null;
  const [person, clause] = await Promise.all([
    actingPerson(user),
    prisma.clause.findUnique({
      where: { id: clauseId },
      include: {
        chapter: { include: { restrictions: { select: { organizationId: true } } } },
        restrictions: { select: { organizationId: true } },
        instrument: { include: { participants: { where: { organizationId: user.organizationId } } } },
      },
    }),
  ]);
  if (!clause) return null;
  const { actor, target } = clauseActor(person, clause);
  if (!can(actor, "clause.view", target)) return null;
  return { clause, actor, target };
}
