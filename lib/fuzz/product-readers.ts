// The product's own readers the fuzz runner drives after each move: the one reading of a
// clause (lib/clause-model), both export variants, and a chair's decision. Kept in one file so
// the runner reads as the list of invariants.
import * as Y from "yjs";
import { readClause } from "@/lib/clause-model/read-clause";
import { prisma } from "@/lib/db/prisma";
import { isAppError } from "@/lib/errors/app-error";
import { clauseForExport } from "@/lib/exports/clause-for-export";
import { clauseHtml } from "@/lib/exports/clause-html";
import { clauseText } from "@/lib/exports/clause-text";
import { decideOnClause } from "@/lib/proposals/decide-proposals";

/** Why the stored clause cannot be read by the clause model, or null when it reads. */
export function unreadableReason(state: Uint8Array): string | null {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, state);
    readClause(doc);
    return null;
  } catch (error) {
    return (error as Error).message;
  } finally {
    doc.destroy();
  }
}

/** Both export variants render (throws if not). */
export function exportBoth(state: Uint8Array): void {
  clauseText(clauseForExport(state, "clean"));
  clauseHtml(clauseForExport(state, "proposals"));
}

/**
 * The chair decides one proposal on the words the index shows, as the panel sends them. Refused
 * because the words changed since (the index had not caught up), the panel reloads and the chair
 * decides again, as a person would.
 */
export async function decide(
  clauseId: string,
  proposal: { id: string; fingerprint: string },
  outcome: "ACCEPTED" | "REJECTED",
  chairId: string,
) {
  let seen = proposal.fingerprint;
  for (let attempt = 1; ; attempt++) {
    try {
      return await decideOnClause({
        clauseId,
        scope: { proposalId: proposal.id },
        fingerprint: seen,
        outcome,
        reason: null,
        decidedById: chairId,
      });
    } catch (error) {
      if (!(isAppError(error) && error.code === "conflict" && attempt < 5)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
      const row = await prisma.proposal.findUnique({ where: { id: proposal.id } });
      if (row?.status !== "OPEN") throw error;
      seen = row.fingerprint;
    }
  }
}
