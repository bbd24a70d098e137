// When the author revises a proposal, the positions given on its earlier words stop counting;
// each delegation that gave one is told (everyone in it, but the author) to confirm or change
// it. Told once per revision that outdates a position: someone already told and not yet
// answered is not told again while the author keeps typing.
import type { Prisma } from "@/lib/db/generated/client";
import { raiseNotificationsChanged } from "@/lib/live/raise-live";

export type Revision = { proposalId: string; clauseId: string; authorId: string; previousFingerprint: string };

export async function notifyRevisedPositions(tx: Prisma.TransactionClient, revisions: Revision[]): Promise<number> {
  if (revisions.length === 0) return 0;
  const byProposal = new Map(revisions.map((revision) => [revision.proposalId, revision]));
  const positions = (
    await tx.proposalPosition.findMany({
      where: { proposalId: { in: [...byProposal.keys()] } },
      select: { proposalId: true, organizationId: true, fingerprint: true },
    })
  ).filter((position) => position.fingerprint === byProposal.get(position.proposalId)?.previousFingerprint);
  if (positions.length === 0) return 0;
  const members = await tx.membership.findMany({
    where: { organizationId: { in: positions.map((p) => p.organizationId) }, user: { active: true } },
    select: { userId: true, organizationId: true },
  });
  const alreadyTold = new Set(
    (
      await tx.notification.findMany({
        where: { kind: "PROPOSAL_REVISED", readAt: null, proposalId: { in: positions.map((p) => p.proposalId) } },
        select: { userId: true, proposalId: true },
      })
    ).map((n) => `${n.proposalId}|${n.userId}`),
  );
  const data: Prisma.NotificationCreateManyInput[] = [];
  for (const position of positions) {
    const revision = byProposal.get(position.proposalId) as Revision;
    for (const member of members) {
      if (member.organizationId !== position.organizationId || member.userId === revision.authorId) continue;
      if (alreadyTold.has(`${position.proposalId}|${member.userId}`)) continue;
      data.push({
        userId: member.userId,
        kind: "PROPOSAL_REVISED",
        actorId: revision.authorId,
        clauseId: revision.clauseId,
        proposalId: revision.proposalId,
      });
    }
  }
  if (data.length > 0) await tx.notification.createMany({ data });
  raiseNotificationsChanged(
    tx,
    data.map((notification) => notification.userId),
  );
  return data.length;
}
