// The instruments in which the person's organisation may administer something, for the
// header link and the administration index.
import type { SessionUser } from "@/lib/auth/session-user";
import { prisma } from "@/lib/db/prisma";
import { type Action, actorIn, can } from "@/lib/permissions/can";
import { actingPerson } from "./acting-person";

export const ADMIN_ACTIONS: Action[] = ["instrument.manage", "clause.manage", "members.manage", "audit.view"];

export async function listManagedInstruments(user: SessionUser) {
  const person = await actingPerson(user);
  const participations = await prisma.participant.findMany({
    where: { organizationId: user.organizationId },
    include: { instrument: { select: { id: true, title: true, shortTitle: true, observersMayComment: true } } },
    orderBy: { instrument: { createdAt: "asc" } },
  });
  return participations
    .filter(({ role, instrument }) =>
      ADMIN_ACTIONS.some((action) =>
        can(actorIn(person, { role, observersMayComment: instrument.observersMayComment }), action),
      ),
    )
    .map(({ instrument }) => instrument);
}
