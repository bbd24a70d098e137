// Where a clause stands as a whole, asked by the guard for the changes a delegation sends. Read
// from PostgreSQL at most once a second per clause (a burst of keystrokes costs one query), and
// forgotten at once on this instance when the chair changes it (lib/admin/set-clause-status.ts);
// on other instances the change holds within that second.
import { prisma } from "@/lib/db/prisma";
import type { ClauseStanding } from "./judge-locks";

const FRESH_MS = 1_000;
const known = new Map<string, { standing: Promise<ClauseStanding>; at: number }>();

export function clauseStanding(clauseId: string): Promise<ClauseStanding> {
  const now = Date.now();
  const cached = known.get(clauseId);
  if (cached && now - cached.at < FRESH_MS) return cached.standing;
  const standing = prisma.clause
    .findUnique({ where: { id: clauseId }, select: { number: true, status: true } })
    .then((clause) => clause ?? { number: "", status: "OPEN" as const });
  known.set(clauseId, { standing, at: now });
  // A failed read is not kept.
  standing.catch(() => known.delete(clauseId));
  if (known.size > 10_000) known.delete(known.keys().next().value as string);
  return standing;
}

/** The clause's status changed here: the next change is judged on the new one. */
export function forgetClauseStanding(clauseId: string): void {
  known.delete(clauseId);
}
