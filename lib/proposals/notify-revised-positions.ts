// When the author revises a proposal, the positions given on its earlier words stop counting;
// each delegation that gave one is told (everyone in it, but the author) to confirm or change
// it, once per revision (tell-of-revision.ts).
import type { Prisma } from "@/lib/db/generated/client";
import { type Revision, tellOfRevision } from "./tell-of-revision";

export type { Revision } from "./tell-of-revision";

export async function notifyRevisedPositions(tx: Prisma.TransactionClient, revisions: Revision[]): Promise<number> {
  if (revisions.length === 0) return 0;
  const byProposal = new Map(revisions.map((revision) => [revision.proposalId, revision]));
  const positions = (
    await tx.proposalPosition.findMany({
      where: { proposalId: { in: [...byProposal.keys()] } },
      select: { proposalId: true, organizationId: true, fingerprint: true },
    })
  ).filter((position) => position.fingerprint === byProposal.get(position.proposalId)?.previousFingerprint);
  return tellOfRevision(tx, "PROPOSAL_REVISED", byProposal, positions);
}
