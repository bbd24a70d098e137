// The Bracket rows of the ids an update brought into a clause's touched blocks, as the guard's
// check needs them (check-brackets.ts). Only asked when an update carries a bracket id its
// blocks did not hold — in practice the chair's undo bringing back deleted bracketed words.
import { prisma } from "@/lib/db/prisma";
import { isUuid } from "@/lib/ids/uuid";
import type { KnownBracket } from "./check-brackets";

export async function knownBrackets(ids: ReadonlySet<string>): Promise<Map<string, KnownBracket>> {
  const wanted = [...ids].filter(isUuid);
  if (wanted.length === 0) return new Map();
  const rows = await prisma.bracket.findMany({ where: { id: { in: wanted } } });
  return new Map(
    rows.map((row) => [
      row.id,
      {
        clauseId: row.clauseId,
        removed: row.removedAt !== null,
        bracket: {
          id: row.id,
          organizationId: row.organizationId,
          organizationCode: row.organizationCode,
          personId: row.personId,
          personName: row.personName,
          at: row.placedAt.toISOString(),
          note: row.note,
        },
      },
    ]),
  );
}
