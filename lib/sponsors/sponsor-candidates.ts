// The delegations a proposal's author may invite to co-sponsor it: the instrument's delegations
// that see the clause (decided by the same rule that lets them answer), but the author's own.
import { prisma } from "@/lib/db/prisma";
import { actorIn, can, type Target } from "@/lib/permissions/can";

export type SponsorCandidate = { id: string; code: string; name: string };

export async function sponsorCandidates(
  instrumentId: string,
  target: Target,
  authorOrganizationId: string,
): Promise<SponsorCandidate[]> {
  const instrument = await prisma.instrument.findUniqueOrThrow({
    where: { id: instrumentId },
    select: {
      observersMayComment: true,
      participants: { include: { organization: { select: { id: true, code: true, name: true } } } },
    },
  });
  return instrument.participants
    .filter((participant) => participant.organizationId !== authorOrganizationId)
    .filter((participant) =>
      can(
        actorIn(
          { userId: "", organizationId: participant.organizationId, active: true },
          { role: participant.role, observersMayComment: instrument.observersMayComment },
        ),
        "proposal.answerSponsorship",
        { ...target, sponsorOrganizationId: participant.organizationId },
      ),
    )
    .map((participant) => participant.organization)
    .sort((a, b) => a.name.localeCompare(b.name));
}
