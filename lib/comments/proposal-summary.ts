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
    },
  });
  return new Map(rows.map(({ organization, ...row }) => [row.id, { ...row, delegation: organization }]));
}
