// The clause as it stands now, in the shape of a version: read from what PostgreSQL holds (its
// snapshot and every update since), so "compare with now" shows every saved word.
import { loadClauseState } from "@/lib/collab/clause-store";
import { prisma } from "@/lib/db/prisma";
import { readingOfState } from "./reading";
import type { VersionView } from "./version-view";

export async function currentReading(clauseId: string): Promise<VersionView> {
  const [state, clause] = await Promise.all([
    loadClauseState(clauseId),
    prisma.clause.findUniqueOrThrow({ where: { id: clauseId }, select: { status: true } }),
  ]);
  const reading = readingOfState(state);
  const positions = await prisma.proposalPosition.findMany({
    where: { proposalId: { in: reading.openProposals.map((p) => p.id) } },
    select: { proposalId: true, stance: true, organization: { select: { code: true } } },
  });
  for (const proposal of reading.openProposals) {
    proposal.positions = positions
      .filter((row) => row.proposalId === proposal.id)
      .map((row) => ({ delegation: row.organization.code, stance: row.stance }));
  }
  return {
    id: "current",
    name: "Now",
    note: "",
    trigger: "SAVED",
    status: clause.status,
    madeBy: null,
    createdAt: new Date().toISOString(),
    instrumentVersionId: null,
    ...reading,
  };
}
