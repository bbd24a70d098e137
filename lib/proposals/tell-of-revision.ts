// Tells the delegations whose stand on a proposal was given on words the author has since
// revised (a position, a co-sponsorship): everyone in each, but the author, once per revision —
// someone already told and not yet answered is not told again while the author keeps typing.
import type { NotificationKind, Prisma } from "@/lib/db/generated/client";
import { raiseNotificationsChanged } from "@/lib/live/raise-live";

export type Revision = { proposalId: string; clauseId: string; authorId: string; previousFingerprint: string };

export async function tellOfRevision(
  tx: Prisma.TransactionClient,
  kind: NotificationKind,
  byProposal: ReadonlyMap<string, Revision>,
  outdated: readonly { proposalId: string; organizationId: string }[],
): Promise<number> {
  if (outdated.length === 0) return 0;
  const [members, alreadyTold] = await Promise.all([
    tx.membership.findMany({
      where: { organizationId: { in: outdated.map((o) => o.organizationId) }, user: { active: true } },
      select: { userId: true, organizationId: true },
    }),
    tx.notification.findMany({
      where: { kind, readAt: null, proposalId: { in: outdated.map((o) => o.proposalId) } },
      select: { userId: true, proposalId: true },
    }),
  ]);
  const told = new Set(alreadyTold.map((n) => `${n.proposalId}|${n.userId}`));
  const data: Prisma.NotificationCreateManyInput[] = [];
  for (const stand of outdated) {
    const revision = byProposal.get(stand.proposalId) as Revision;
    for (const member of members) {
      if (member.organizationId !== stand.organizationId || member.userId === revision.authorId) continue;
      if (told.has(`${stand.proposalId}|${member.userId}`)) continue;
      data.push({
        userId: member.userId,
        kind,
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
