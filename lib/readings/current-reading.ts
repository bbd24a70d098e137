// The clause as it stands now, in the shape of a version: read from what PostgreSQL holds (its
// snapshot and every update since), so "compare with now" shows every saved word.
import { loadClauseState } from "@/lib/collab/clause-store";
import { prisma } from "@/lib/db/prisma";
import { fillPositions } from "./positions-then";
import { readingOfState } from "./reading";
import type { VersionView } from "./version-view";

export async function currentReading(clauseId: string): Promise<VersionView> {
  const [state, clause] = await Promise.all([
    loadClauseState(clauseId),
    prisma.clause.findUniqueOrThrow({ where: { id: clauseId }, select: { status: true } }),
  ]);
  const reading = readingOfState(state);
  await fillPositions(reading.openProposals);
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
