// A proposal's discussion follows its fate: when the chair decides the proposal or its author
// withdraws it, its open thread is closed (it stops counting as open; its head says what
// became of the proposal), with an entry in the discussion saying who closed it. When that
// outcome is taken back — the decision undone, the withdrawn proposal brought back with Ctrl+Z
// — a thread the outcome closed, and that nobody has resolved or reopened since, opens again.
// Runs inside the caller's transaction; returns the threads it changed, for the caller to
// announce once committed.
import type { Prisma } from "@/lib/db/generated/client";

type Tx = Prisma.TransactionClient;
type Closer = { id: string; organizationId: string };

export type ThreadClosing =
  /** The chair's decision `decisionId` settled these proposals. */
  | { decisionId: string; proposalIds: string[]; by: Closer }
  /** These proposals were withdrawn, each closed in its own author's name. */
  | { withdrawn: { proposalId: string; authorId: string; organizationId: string }[] };

async function closeThreads(
  tx: Tx,
  proposalIds: string[],
  closerOf: (proposalId: string) => Closer,
  mark: { closedByDecisionId: string } | { closedOnWithdrawal: true },
): Promise<string[]> {
  if (proposalIds.length === 0) return [];
  const threads = await tx.commentThread.findMany({
    where: { proposalId: { in: proposalIds }, resolvedAt: null },
    select: { id: true, proposalId: true },
  });
  const now = new Date();
  for (const thread of threads) {
    const by = closerOf(thread.proposalId as string);
    await tx.comment.create({
      data: { threadId: thread.id, kind: "RESOLVED", authorId: by.id, authorOrganizationId: by.organizationId },
    });
    await tx.commentThread.update({
      where: { id: thread.id },
      data: { resolvedAt: now, resolvedById: by.id, ...mark },
    });
  }
  return threads.map((thread) => thread.id);
}

export async function closeProposalThreads(tx: Tx, closing: ThreadClosing): Promise<string[]> {
  if ("decisionId" in closing) {
    return closeThreads(tx, closing.proposalIds, () => closing.by, { closedByDecisionId: closing.decisionId });
  }
  const authors = new Map(
    closing.withdrawn.map((w) => [w.proposalId, { id: w.authorId, organizationId: w.organizationId }]),
  );
  return closeThreads(tx, [...authors.keys()], (id) => authors.get(id) as Closer, { closedOnWithdrawal: true });
}

export type ThreadReopening =
  /** The decision was undone by `by`. */
  | { decisionId: string; by: Closer }
  /** These withdrawn proposals are back in the text, each reopened in its author's name. */
  | { restored: { proposalId: string; authorId: string; organizationId: string }[] };

export async function reopenProposalThreads(tx: Tx, reopening: ThreadReopening): Promise<string[]> {
  const restored = "restored" in reopening ? new Map(reopening.restored.map((r) => [r.proposalId, r])) : null;
  if (restored?.size === 0) return [];
  const threads = await tx.commentThread.findMany({
    where: restored
      ? { proposalId: { in: [...restored.keys()] }, closedOnWithdrawal: true, resolvedAt: { not: null } }
      : { closedByDecisionId: (reopening as { decisionId: string }).decisionId, resolvedAt: { not: null } },
    select: { id: true, proposalId: true },
  });
  for (const thread of threads) {
    const author = restored?.get(thread.proposalId as string);
    const by = author
      ? { id: author.authorId, organizationId: author.organizationId }
      : (reopening as { by: Closer }).by;
    await tx.comment.create({
      data: { threadId: thread.id, kind: "REOPENED", authorId: by.id, authorOrganizationId: by.organizationId },
    });
    await tx.commentThread.update({
      where: { id: thread.id },
      data: { resolvedAt: null, resolvedById: null, closedByDecisionId: null, closedOnWithdrawal: false },
    });
  }
  return threads.map((thread) => thread.id);
}
