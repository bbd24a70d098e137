// Keeps each Bracket row's "detached" flag true to the text: a bracket whose words the chair
// deleted (or whose deletion was accepted) no longer counts as a passage in brackets; one whose
// words come back (undo) counts again. Removed brackets are the chair's record and stay removed.
import { announceClauseMessage } from "@/lib/clauses/clause-messages-server";
import { prisma } from "@/lib/db/prisma";

export async function syncBrackets(clauseId: string, inText: ReadonlySet<string>): Promise<number> {
  const rows = await prisma.bracket.findMany({
    where: { clauseId, removedAt: null },
    select: { id: true, detachedAt: true },
  });
  const detach = rows.filter((row) => row.detachedAt === null && !inText.has(row.id)).map((row) => row.id);
  const attach = rows.filter((row) => row.detachedAt !== null && inText.has(row.id)).map((row) => row.id);
  if (detach.length > 0)
    await prisma.bracket.updateMany({
      where: { id: { in: detach }, detachedAt: null },
      data: { detachedAt: new Date() },
    });
  if (attach.length > 0) await prisma.bracket.updateMany({ where: { id: { in: attach } }, data: { detachedAt: null } });
  const changed = detach.length + attach.length;
  if (changed > 0) announceClauseMessage(clauseId, { type: "brackets.changed" });
  return changed;
}

/** How many bracketed passages each clause still holds (placed, not removed, words still there). */
export async function countOpenBrackets(clauseIds: readonly string[]): Promise<Map<string, number>> {
  if (clauseIds.length === 0) return new Map();
  const rows = await prisma.bracket.groupBy({
    by: ["clauseId"],
    where: { clauseId: { in: [...clauseIds] }, removedAt: null, detachedAt: null },
    _count: { _all: true },
  });
  return new Map(rows.map((row) => [row.clauseId, row._count._all]));
}
