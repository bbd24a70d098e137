// Where a clause stands as a whole, asked by the guard for each change a delegation sends (the
// chair may agree or reopen a clause while people are in it, so it is read each time).
import { prisma } from "@/lib/db/prisma";
import type { ClauseStanding } from "./judge-locks";

export async function clauseStanding(clauseId: string): Promise<ClauseStanding> {
  const clause = await prisma.clause.findUnique({ where: { id: clauseId }, select: { number: true, status: true } });
  return clause ?? { number: "", status: "OPEN" };
}
