// When the author revises a proposal, its co-sponsors put their names on words that are no
// longer there: a sponsorship accepted on the earlier words stops counting ("accepted on an
// earlier wording") until the delegation confirms it on the new words — as positions do. Each
// such delegation is asked in its bell, once per revision (lib/proposals/tell-of-revision.ts).
import type { Prisma } from "@/lib/db/generated/client";
import { type Revision, tellOfRevision } from "@/lib/proposals/tell-of-revision";

export async function notifyRevisedSponsors(tx: Prisma.TransactionClient, revisions: Revision[]): Promise<number> {
  if (revisions.length === 0) return 0;
  const byProposal = new Map(revisions.map((revision) => [revision.proposalId, revision]));
  const outdated = (
    await tx.proposalSponsorship.findMany({
      where: { proposalId: { in: [...byProposal.keys()] }, status: "ACCEPTED" },
      select: { proposalId: true, organizationId: true, fingerprint: true },
    })
  ).filter((sponsorship) => sponsorship.fingerprint === byProposal.get(sponsorship.proposalId)?.previousFingerprint);
  return tellOfRevision(tx, "SPONSORED_REVISED", byProposal, outdated);
}
