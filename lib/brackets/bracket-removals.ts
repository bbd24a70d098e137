// The brackets the chair removed from a clause — each an agreement recorded — as the clause's
// history shows them (lib/readings/clause-history.ts): the words, who had bracketed them and why,
// and who removed the brackets when.
import { prisma } from "@/lib/db/prisma";

export type BracketRemoval = {
  kind: "bracket-removed";
  at: string;
  words: string;
  delegation: string;
  bracketedBy: string;
  bracketedAt: string;
  note: string | null;
  removedBy: string;
};

export async function bracketRemovals(clauseId: string): Promise<BracketRemoval[]> {
  const rows = await prisma.bracket.findMany({
    where: { clauseId, removedAt: { not: null } },
    orderBy: { removedAt: "asc" },
  });
  return rows.map((row) => ({
    kind: "bracket-removed",
    at: (row.removedAt as Date).toISOString(),
    words: row.quote,
    delegation: row.organizationCode,
    bracketedBy: row.personName,
    bracketedAt: row.placedAt.toISOString(),
    note: row.note,
    removedBy: row.removedByName ?? "the chair",
  }));
}
