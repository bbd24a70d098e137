// The product's own readers the fuzz runner drives after each move: the one reading of a
// clause (lib/clause-model), both export variants, and a chair's decision. Kept in one file so
// the runner reads as the list of invariants.
import * as Y from "yjs";
import { readClause } from "@/lib/clause-model/read-clause";
import { clauseForExport } from "@/lib/exports/clause-for-export";
import { clauseHtml } from "@/lib/exports/clause-html";
import { clauseText } from "@/lib/exports/clause-text";
import { decideProposals } from "@/lib/proposals/decide-proposals";

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

export async function decide(clauseId: string, proposalId: string, outcome: "ACCEPTED" | "REJECTED", chairId: string) {
  return decideProposals({ clauseId, scope: { proposalId }, outcome, reason: null, decidedById: chairId });
}
