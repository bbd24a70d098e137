// The open set of alternatives a command acts on: in this clause, not yet chosen.

import type { Tx } from "@/lib/commands/in-transaction";
import { prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors/app-error";

export async function openSet(clauseId: string, setId: string, tx?: Tx) {
  const set = await (tx ?? prisma).alternativeSet.findUnique({
    where: { id: setId },
    include: { options: { orderBy: { position: "asc" } } },
  });
  if (!set || set.clauseId !== clauseId) throw new AppError("not_found", "These alternatives are not in this clause.");
  if (set.chosenAt)
    throw new AppError("conflict", `The chair has already chosen between these alternatives (${set.chosenByName}).`);
  return set;
}
