// Which of these entry ids the library of the clause's own instrument holds. Anything else — an
// id made up, or one from another instrument's library — is not a citation a clause may carry.
import { prisma } from "@/lib/db/prisma";
import { isUuid } from "@/lib/ids/uuid";

export async function knownCitations(clauseId: string, ids: ReadonlySet<string>): Promise<Set<string>> {
  const wellFormed = [...ids].filter(isUuid);
  if (wellFormed.length === 0) return new Set();
  const found = await prisma.agreedLanguageEntry.findMany({
    where: { id: { in: wellFormed }, instrument: { clauses: { some: { id: clauseId } } } },
    select: { id: true },
  });
  return new Set(found.map((entry) => entry.id));
}
