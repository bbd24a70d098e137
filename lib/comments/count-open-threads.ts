// Open threads per clause, for the clause list.
import { prisma } from "@/lib/db/prisma";

export async function countOpenThreads(clauseIds: string[]): Promise<Map<string, number>> {
  if (clauseIds.length === 0) return new Map();
  const groups = await prisma.commentThread.groupBy({
    by: ["clauseId"],
    where: { clauseId: { in: clauseIds }, resolvedAt: null },
    _count: { _all: true },
  });
  return new Map(groups.map((group) => [group.clauseId, group._count._all]));
}
