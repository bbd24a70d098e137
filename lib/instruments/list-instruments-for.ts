// The instruments a person's organisation takes part in, with chapters and clauses in order.

import type { SessionUser } from "@/lib/auth/session-user";
import { prisma } from "@/lib/db/prisma";

export async function listInstrumentsFor(user: SessionUser) {
  const participations = await prisma.participant.findMany({
    where: { organizationId: user.organizationId },
    include: {
      instrument: {
        include: {
          chapters: {
            orderBy: { position: "asc" },
            include: { clauses: { orderBy: { position: "asc" } } },
          },
        },
      },
    },
    orderBy: { instrument: { createdAt: "asc" } },
  });
  return participations.map(({ instrument, role }) => ({ ...instrument, role }));
}
