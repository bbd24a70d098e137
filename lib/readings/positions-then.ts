// The positions a reading shows on each open proposal: only those given on the words the reading
// holds (a position records the fingerprint of the words it was given on). A position given on an
// earlier wording is left out, as the tally leaves it out — a version never shows a delegation
// supporting words it never saw.
import { proposalFingerprint } from "@/lib/clause-model/proposal-fingerprint";
import type { Tx } from "@/lib/commands/in-transaction";
import { prisma } from "@/lib/db/prisma";
import type { OpenProposalThen } from "./reading";

export async function fillPositions(proposals: OpenProposalThen[], db: Tx | typeof prisma = prisma): Promise<void> {
  if (proposals.length === 0) return;
  const rows = await db.proposalPosition.findMany({
    where: { proposalId: { in: proposals.map((p) => p.id) } },
    select: { proposalId: true, stance: true, fingerprint: true, organization: { select: { code: true } } },
    orderBy: { createdAt: "asc" },
  });
  for (const proposal of proposals) {
    const words = proposalFingerprint(proposal);
    proposal.positions = rows
      .filter((row) => row.proposalId === proposal.id && row.fingerprint === words)
      .map((row) => ({ delegation: row.organization.code, stance: row.stance }));
  }
}
