// Writes one version of a clause, inside the caller's transaction: its whole Yjs state as stored
// (or as given, by a decision that has just computed it) and what the clause model reads in it,
// with the positions delegations had then taken on each open proposal. Never changed after.

import { loadClauseState } from "@/lib/collab/clause-store";
import type { Tx } from "@/lib/commands/in-transaction";
import type { Prisma } from "@/lib/db/generated/client";
import { fillPositions } from "./positions-then";
import { readingOfState } from "./reading";

export type VersionTrigger = "SAVED" | "STATUS_CHANGED" | "DECIDED";

/** The names of the versions made when the chair changes a clause's status. */
export const STATUS_VERSION_NAME = {
  OPEN: "Reopened",
  AGREED_AD_REF: "Agreed ad referendum",
  AGREED: "Agreed",
} as const;

/** The name of the version made after a batch of decisions. */
export function decisionsVersionName(count: number, outcome: "ACCEPTED" | "REJECTED"): string {
  return `${count} ${count === 1 ? "proposal" : "proposals"} ${outcome === "ACCEPTED" ? "accepted" : "rejected"}`;
}

export type NewClauseVersion = {
  clauseId: string;
  name: string;
  note?: string;
  trigger: VersionTrigger;
  madeById: string | null;
  instrumentVersionId?: string;
  /** The state to keep; read from PostgreSQL (snapshot and every update since) when absent. */
  state?: Uint8Array;
};

export async function recordClauseVersion(tx: Tx, input: NewClauseVersion) {
  const state = input.state ?? (await loadClauseState(input.clauseId, tx)) ?? new Uint8Array([0, 0]);
  const clause = await tx.clause.findUniqueOrThrow({ where: { id: input.clauseId }, select: { status: true } });
  const reading = readingOfState(state);
  await fillPositions(reading.openProposals, tx);
  return tx.clauseVersion.create({
    data: {
      clauseId: input.clauseId,
      instrumentVersionId: input.instrumentVersionId ?? null,
      name: input.name,
      note: input.note ?? "",
      trigger: input.trigger,
      state: Buffer.from(state),
      agreed: reading.paragraphs as unknown as Prisma.InputJsonValue,
      openProposals: reading.openProposals as unknown as Prisma.InputJsonValue,
      brackets: reading.brackets,
      status: clause.status,
      madeById: input.madeById,
      // The application's clock, as decisions are stamped: a version made with a decision comes
      // after it (the database's now() is the transaction's start, before the decision's time).
      createdAt: new Date(),
    },
    select: { id: true, name: true, createdAt: true },
  });
}
