// The instruments a person's organisation takes part in, with the chapters and clauses it may
// see, in order. Restricted chapters and clauses of other organisations are left out entirely.

import type { SessionUser } from "@/lib/auth/session-user";
import { prisma } from "@/lib/db/prisma";
import type { Actor } from "@/lib/permissions/can";
import { visibleChapters } from "./visible-chapters";

export async function listInstrumentsFor(user: SessionUser) {
  const restrictions = { select: { organizationId: true } } as const;
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
    const actor: Actor = {
      userId: user.id,
      organizationId: user.organizationId,
      active: true,
      role,
      observersMayComment: instrument.observersMayComment,
    };
    const chapters = visibleChapters(actor, instrument.chapters);
    return { ...instrument, chapters, role };
  });
}
