// The product's own readers the fuzz runner drives after each move: the one reading of a
// clause, both export variants, and a chair's decision. Kept in one file so the runner reads as
// the list of invariants.
import { yXmlFragmentToProseMirrorRootNode } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import { CLAUSE_FRAGMENT, clauseSchema } from "@/lib/editor/extensions";
import { clauseForExport } from "@/lib/exports/clause-for-export";
import { clauseText } from "@/lib/exports/clause-text";
import { decideProposals } from "@/lib/proposals/decide-proposals";

/** Why the stored clause cannot be read, or null when it reads. */
export function unreadableReason(state: Uint8Array): string | null {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, state);
    const fragment = doc.getXmlFragment(CLAUSE_FRAGMENT);
    for (const child of fragment.toArray())
      if (!(child instanceof Y.XmlElement)) return `a ${child.constructor.name} at the root`;
    const root = yXmlFragmentToProseMirrorRootNode(fragment, clauseSchema);
    root.check();
    // y-tiptap leaves out what it cannot read: a clause that lost blocks on reading is not one.
    if (root.childCount !== fragment.length) return "blocks the schema does not know";
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
  clauseForExport(state, "proposals");
}

export async function decide(clauseId: string, proposalId: string, outcome: "ACCEPTED" | "REJECTED", chairId: string) {
  return decideProposals({ clauseId, scope: { proposalId }, outcome, reason: null, decidedById: chairId });
}
