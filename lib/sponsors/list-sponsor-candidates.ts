// Whom the author's delegation may invite to co-sponsor one of its proposals (the invite form's
// choices). Asked by the author's delegation only; the invitation itself checks again.
import { z } from "zod";
import type { SessionUser } from "@/lib/auth/session-user";
import { clauseContext, requireCan } from "@/lib/clauses/clause-context";
import { prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors/app-error";
import { type SponsorCandidate, sponsorCandidates } from "./sponsor-candidates";

export const ZListSponsorCandidates = z.object({ clauseId: z.string(), proposalId: z.uuid("Not a proposal.") });
export type TListSponsorCandidates = z.infer<typeof ZListSponsorCandidates>;

export async function listSponsorCandidates(
  by: SessionUser,
  { clauseId, proposalId }: TListSponsorCandidates,
): Promise<SponsorCandidate[]> {
  const ctx = await clauseContext(by, clauseId);
  const proposal = await prisma.proposal.findFirst({
    where: { id: proposalId, clauseId: ctx.clause.id },
    select: { authorId: true, organizationId: true, sponsorships: { select: { organizationId: true, status: true } } },
  });
  if (!proposal) throw new AppError("not_found", "This proposal does not exist in this clause.");
  const target = { ...ctx.target, authorId: proposal.authorId, authorOrganizationId: proposal.organizationId };
  requireCan(ctx.actor, "proposal.inviteSponsor", target);
  const taken = new Set(proposal.sponsorships.filter((s) => s.status !== "DECLINED").map((s) => s.organizationId));
  return (await sponsorCandidates(ctx.clause.instrumentId, target, proposal.organizationId)).filter(
    (candidate) => !taken.has(candidate.id),
  );
}
