// Bell notifications for the chair's decisions. Told of each decided proposal: its author,
// everyone in each delegation that took a position on it (on any of its wordings) or co-sponsors
// it (lib/sponsors), and everyone who wrote in its discussion or started it — active people who
// may see the clause now (their organisation takes part in the instrument and the clause and its
// chapter are not restricted away from it: asked of the permissions module, as the bell asks when
// it reads), never the chair who decided. A position or a comment given before a restriction
// tells nobody the clause no longer exists for. One notification per person and proposal; it
// links to the proposal's history and shows the outcome and the reason.
// When a decision is undone, those who have not yet read of it are simply no longer told
// (their notification goes); those who read it are told it was undone.
import { clauseActor } from "@/lib/clauses/clause-actor";
import type { Prisma } from "@/lib/db/generated/client";
import { raiseNotificationsChanged } from "@/lib/live/raise-live";
import { can } from "@/lib/permissions/can";

type Tx = Prisma.TransactionClient;

const organizationIds = { select: { organizationId: true } } as const;

/** Of these people, the active ones who may see the clause now, as the bell will judge them. */
async function whoMaySee(tx: Tx, clauseId: string, userIds: string[]): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  const [clause, users] = await Promise.all([
    tx.clause.findUniqueOrThrow({
      where: { id: clauseId },
      select: {
        restrictions: organizationIds,
        chapter: { select: { restrictions: organizationIds } },
        instrument: {
          select: { observersMayComment: true, participants: { select: { organizationId: true, role: true } } },
        },
      },
    }),
    tx.user.findMany({
      where: { id: { in: userIds }, active: true },
      // A person acts through their first organisation, as their session does.
      select: { id: true, memberships: { select: { organizationId: true }, orderBy: { createdAt: "asc" }, take: 1 } },
    }),
  ]);
  const { participants, observersMayComment } = clause.instrument;
  const may = new Set<string>();
  for (const user of users) {
    const organizationId = user.memberships[0]?.organizationId;
    if (!organizationId) continue;
    const { actor, target } = clauseActor(
      { userId: user.id, organizationId, active: true },
      {
        ...clause,
        instrument: {
          observersMayComment,
          participants: participants.filter((p) => p.organizationId === organizationId),
        },
      },
    );
    if (can(actor, "thread.view", target)) may.add(user.id);
  }
  return may;
}

/** Who hears of each proposal's decision: user ids by proposal id. */
async function followersOf(
  tx: Tx,
  clauseId: string,
  proposals: { id: string; authorId: string }[],
): Promise<Map<string, Set<string>>> {
  const ids = proposals.map((p) => p.id);
  const [stated, sponsors, threads] = await Promise.all([
    tx.proposalPosition.findMany({
      where: { proposalId: { in: ids } },
      select: { proposalId: true, organizationId: true },
    }),
    tx.proposalSponsorship.findMany({
      where: { proposalId: { in: ids }, status: "ACCEPTED" },
      select: { proposalId: true, organizationId: true },
    }),
    tx.commentThread.findMany({
      where: { proposalId: { in: ids } },
      select: {
        proposalId: true,
        authorId: true,
        comments: { where: { kind: "COMMENT", deletedAt: null }, select: { authorId: true } },
      },
    }),
  ]);
  const positions = [...stated, ...sponsors];
  const members = await tx.membership.findMany({
    where: { organizationId: { in: [...new Set(positions.map((p) => p.organizationId))] } },
    select: { userId: true, organizationId: true },
  });
  const byProposal = new Map(proposals.map((p) => [p.id, new Set([p.authorId])]));
  for (const position of positions) {
    const told = byProposal.get(position.proposalId);
    for (const member of members) if (member.organizationId === position.organizationId) told?.add(member.userId);
  }
  for (const thread of threads) {
    const told = byProposal.get(thread.proposalId as string);
    told?.add(thread.authorId);
    for (const comment of thread.comments) told?.add(comment.authorId);
  }
  const everyone = [...new Set([...byProposal.values()].flatMap((s) => [...s]))];
  const reachable = await whoMaySee(tx, clauseId, everyone);
  for (const told of byProposal.values()) for (const id of told) if (!reachable.has(id)) told.delete(id);
  return byProposal;
}

export async function notifyDecision(
  tx: Tx,
  decision: {
    id: string;
    clauseId: string;
    instrumentId: string;
    decidedById: string;
    proposals: { id: string; authorId: string }[];
  },
): Promise<number> {
  const followers = await followersOf(tx, decision.clauseId, decision.proposals);
  const data: Prisma.NotificationCreateManyInput[] = [];
  for (const [proposalId, told] of followers) {
    for (const userId of told) {
      if (userId === decision.decidedById) continue;
      data.push({
        userId,
        kind: "PROPOSAL_DECIDED",
        actorId: decision.decidedById,
        clauseId: decision.clauseId,
        proposalId,
        chairDecisionId: decision.id,
      });
    }
  }
  if (data.length > 0) await tx.notification.createMany({ data });
  raiseNotificationsChanged(
    tx,
    data.map((n) => n.userId),
  );
  return data.length;
}

export async function notifyDecisionUndone(tx: Tx, decisionId: string, undoneById: string): Promise<number> {
  const unread = { chairDecisionId: decisionId, kind: "PROPOSAL_DECIDED" as const, readAt: null };
  // Their bells lose the notification taken back.
  const takenBack = await tx.notification.findMany({ where: unread, select: { userId: true } });
  await tx.notification.deleteMany({ where: unread });
  const read = await tx.notification.findMany({
    where: { chairDecisionId: decisionId, kind: "PROPOSAL_DECIDED" },
    select: { userId: true, clauseId: true, proposalId: true },
  });
  const data = read
    .filter((n) => n.userId !== undoneById)
    .map((n) => ({
      userId: n.userId,
      kind: "DECISION_UNDONE" as const,
      actorId: undoneById,
      clauseId: n.clauseId,
      proposalId: n.proposalId,
      chairDecisionId: decisionId,
    }));
  if (data.length > 0) await tx.notification.createMany({ data });
  raiseNotificationsChanged(tx, [...takenBack.map((n) => n.userId), ...data.map((n) => n.userId)]);
  return data.length;
}
