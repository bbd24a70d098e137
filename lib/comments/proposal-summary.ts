// What a thread on a proposal shows about it: whose proposal, its words, and whether it is
// still open — read from the proposals index, so a decided proposal is still described.
import type { Prisma } from "@/lib/db/generated/client";

export type ProposalSummary = {
  id: string;
  kind: "INSERTION" | "DELETION" | "REPLACEMENT";
  status: "OPEN" | "ACCEPTED" | "REJECTED" | "WITHDRAWN";
  insertedText: string;
  deletedText: string;
  authorId: string;
  delegation: { name: string; code: string; colour: string };
  /** The chair's decision standing on it (an undone one does not), with the reason given. */
  decision?: { outcome: "ACCEPTED" | "REJECTED"; reason: string | null } | null;
};

export async function proposalSummaries(
  db: Prisma.TransactionClient,
  proposalIds: readonly string[],
): Promise<Map<string, ProposalSummary>> {
  if (proposalIds.length === 0) return new Map();
  const rows = await db.proposal.findMany({
    where: { id: { in: [...new Set(proposalIds)] } },
    select: {
      id: true,
      kind: true,
      status: true,
      insertedText: true,
      deletedText: true,
      authorId: true,
      organization: { select: { name: true, code: true, colour: true } },
      decisions: {
        where: { OR: [{ chairDecisionId: null }, { chairDecision: { undoneAt: null } }] },
        orderBy: { createdAt: "desc" },
        take: 1,
        select: { outcome: true, reason: true },
      },
    },
  });
  return new Map(
    rows.map(({ organization, decisions, ...row }) => {
      const [last] = decisions;
      const decided = row.status === "ACCEPTED" || row.status === "REJECTED";
      const decision =
        decided && last && (last.outcome === "ACCEPTED" || last.outcome === "REJECTED")
          ? { outcome: last.outcome, reason: last.reason }
          : null;
      return [row.id, { ...row, delegation: organization, decision }];
    }),
  );
}
