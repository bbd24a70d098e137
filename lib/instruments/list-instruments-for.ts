// The instruments a person's organisation takes part in, with the chapters and clauses it may
// see, in order. Restricted chapters and clauses of other organisations are left out entirely.

import type { SessionUser } from "@/lib/auth/session-user";
import { prisma } from "@/lib/db/prisma";
import { type Actor, can } from "@/lib/permissions/can";
import { effectiveRestriction } from "@/lib/permissions/restriction";

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
    const chapters = instrument.chapters
      .map(({ restrictions: chapterRestrictions, clauses, ...chapter }) => {
        const chapterIds = chapterRestrictions.map((r) => r.organizationId);
        const visible = clauses
          .filter((clause) =>
            can(actor, "clause.view", {
              restrictedTo: effectiveRestriction(
                chapterIds,
                clause.restrictions.map((r) => r.organizationId),
              ),
            }),
          )
          .map(({ restrictions: clauseRestrictions, ...clause }) => ({
            ...clause,
            restricted: clauseRestrictions.length > 0 || chapterIds.length > 0,
          }));
        const chapterVisible = can(actor, "clause.view", { restrictedTo: chapterIds.length > 0 ? chapterIds : null });
        return chapterVisible ? { ...chapter, restricted: chapterIds.length > 0, clauses: visible } : null;
      })
      .filter((chapter) => chapter !== null);
    return { ...instrument, chapters, role };
  });
}
