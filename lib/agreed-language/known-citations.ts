// The texts of those of these entry ids that the library of the clause's own instrument holds.
// Anything else — an id made up, or one from another instrument's library — is not a citation a
// clause may carry; the text is what words citing the entry must be taken from.
import { prisma } from "@/lib/db/prisma";
import { isUuid } from "@/lib/ids/uuid";

export async function knownCitations(clauseId: string, ids: ReadonlySet<string>): Promise<Map<string, string>> {
  const wellFormed = [...ids].filter(isUuid);
  if (wellFormed.length === 0) return new Map();
  const found = await prisma.agreedLanguageEntry.findMany({
    where: { id: { in: wellFormed }, instrument: { clauses: { some: { id: clauseId } } } },
    select: { id: true, text: true },
  });
  return new Map(found.map((entry) => [entry.id, entry.text]));
}
