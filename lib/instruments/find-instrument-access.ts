// Loads an instrument with the role the person's organisation holds in it. null when the
// instrument is unknown or the organisation does not take part: it does not exist for them.
import type { SessionUser } from "@/lib/auth/session-user";
import { prisma } from "@/lib/db/prisma";
import { isUuid } from "@/lib/ids/uuid";
import { actorIn } from "@/lib/permissions/can";
import { actingPerson } from "./acting-person";

export async function findInstrumentAccess(user: SessionUser, instrumentId: string) {
  if (!isUuid(instrumentId)) return null;
  const [person, instrument] = await Promise.all([
    actingPerson(user),
    prisma.instrument.findUnique({
      where: { id: instrumentId },
      include: { participants: { where: { organizationId: user.organizationId } } },
    }),
  ]);
  const role = instrument?.participants[0]?.role;
  if (!instrument || !role) return null;
  const { participants: _, ...rest } = instrument;
  const actor = actorIn(person, { role, observersMayComment: instrument.observersMayComment });
  return { instrument: rest, actor };
}
