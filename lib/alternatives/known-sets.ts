// The AlternativeSet rows of the ids an update brought into a clause's touched blocks, as the
// guard's check needs them (check-alternatives.ts).
import { prisma } from "@/lib/db/prisma";
import { isUuid } from "@/lib/ids/uuid";
import type { KnownSet } from "./check-alternatives";

export async function knownSets(ids: ReadonlySet<string>): Promise<Map<string, KnownSet>> {
  const wanted = [...ids].filter(isUuid);
  if (wanted.length === 0) return new Map();
  const rows = await prisma.alternativeSet.findMany({ where: { id: { in: wanted } } });
  return new Map(rows.map((row) => [row.id, { clauseId: row.clauseId, chosen: row.chosenAt !== null }]));
}
