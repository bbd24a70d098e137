// The instruments a person's organisation takes part in, with the chapters and clauses it may
// see, in order. Restricted chapters and clauses of other organisations are left out entirely.

import type { SessionUser } from "@/lib/auth/session-user";
import { prisma } from "@/lib/db/prisma";
import { actorIn } from "@/lib/permissions/can";
import { actingPerson } from "./acting-person";
import { visibleChapters } from "./visible-chapters";

export async function listInstrumentsFor(user: SessionUser) {
  const restrictions = { select: { organizationId: true } } as const;
  const person = await actingPerson(user);
  const participations = await prisma.participant.findMany({
    where: { organizationId: user.organizationId },
    include: {
      instrument: {
        include: {
          chapters: {
            orderBy: { position: "asc" },
            include: { restrictions, clauses: { orderBy: { position: "asc" }, include: { restrictions } } },
          },
        },
      },
    },
    orderBy: { instrument: { createdAt: "asc" } },
  });
  return participations.map(({ instrument, role }) => {
    const actor = actorIn(person, { role, observersMayComment: instrument.observersMayComment });
    const chapters = visibleChapters(actor, instrument.chapters);
    return { ...instrument, chapters, role };
  });
}
