// When the author revises a proposal, its co-sponsors put their names on words that are no
// longer there: a sponsorship accepted on the earlier words stops counting ("accepted on an
// earlier wording") until the delegation confirms it on the new words — as positions do. Each
// such delegation is asked in its bell; once per revision, not again while the author types.
import type { Prisma } from "@/lib/db/generated/client";
import { raiseNotificationsChanged } from "@/lib/live/raise-live";
import type { Revision } from "@/lib/proposals/notify-revised-positions";

export async function notifyRevisedSponsors(tx: Prisma.TransactionClient, revisions: Revision[]): Promise<number> {
  if (revisions.length === 0) return 0;
  const byProposal = new Map(revisions.map((revision) => [revision.proposalId, revision]));
  const outdated = (
    await tx.proposalSponsorship.findMany({
      where: { proposalId: { in: [...byProposal.keys()] }, status: "ACCEPTED" },
      select: { proposalId: true, organizationId: true, fingerprint: true },
    })
  ).filter((sponsorship) => sponsorship.fingerprint === byProposal.get(sponsorship.proposalId)?.previousFingerprint);
  if (outdated.length === 0) return 0;
  const [members, alreadyAsked] = await Promise.all([
    tx.membership.findMany({
      where: { organizationId: { in: outdated.map((s) => s.organizationId) }, user: { active: true } },
      select: { userId: true, organizationId: true },
    }),
    tx.notification.findMany({
      where: { kind: "SPONSORED_REVISED", readAt: null, proposalId: { in: outdated.map((s) => s.proposalId) } },
      select: { userId: true, proposalId: true },
    }),
  ]);
  const asked = new Set(alreadyAsked.map((n) => `${n.proposalId}|${n.userId}`));
  const data: Prisma.NotificationCreateManyInput[] = [];
  for (const sponsorship of outdated) {
    const revision = byProposal.get(sponsorship.proposalId) as Revision;
    for (const member of members) {
      if (member.organizationId !== sponsorship.organizationId || member.userId === revision.authorId) continue;
      if (asked.has(`${sponsorship.proposalId}|${member.userId}`)) continue;
      data.push({
        userId: member.userId,
        kind: "SPONSORED_REVISED",
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
