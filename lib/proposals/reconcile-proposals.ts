// The proposals beside the text, as the browser shows them: the words from its own copy of the
// clause (read by the clause model, so a proposal appears and changes the moment its text
// arrives), and from the server's index what only the server knows — the status of decided
// proposals, discussions, positions, what this viewer may do, and the fingerprint of the words.
// A fingerprint is a function of the kind and words alone (lib/clause-model/proposal-fingerprint.ts),
// so where the browser's words equal the index's, the index's fingerprint is the fingerprint of
// the words shown. Where they differ (the index has not read them yet) nothing is pinned to them:
// no decision and no position until the index catches up, a fraction of a second later.
// Pure: no clock, no DOM.
import type { ProposalWords } from "@/lib/clause-model/read-proposals";
import type { ProposalView } from "./list-clause-proposals";

export type ShownProposal = ProposalView & {
  /** True when the index has read exactly these words (its fingerprint and abilities hold for them). */
  indexed: boolean;
  /** Where it starts in the text now; null when it is not in the text. */
  from: number | null;
};

const sameWords = (view: ProposalView, words: ProposalWords) =>
  view.kind === words.kind && view.insertedText === words.insertedText && view.deletedText === words.deletedText;

/** A proposal the index does not know yet, drawn from its marks. */
function fromMarks(words: ProposalWords, now: string): ShownProposal | null {
  const { author } = words;
  if (!author) return null; // unattributed marks are not proposals the index would keep
  return {
    id: words.id,
    kind: words.kind,
    status: "OPEN",
    insertedText: words.insertedText,
    deletedText: words.deletedText,
    contextBefore: words.contextBefore,
    contextAfter: words.contextAfter,
    fingerprint: "",
    proposedAt: words.at && !Number.isNaN(Date.parse(words.at)) ? words.at : now,
    author: { id: author.authorId, name: author.authorName },
    delegation: {
      id: author.organizationId,
      name: author.organizationName,
      code: author.organizationCode,
      colour: author.colour,
    },
    // Where its words come from is read by the index (the label needs the library).
    citation: null,
    discussion: null,
    positions: [],
    decisions: [],
    mayWithdraw: false,
    mayDecide: false,
    mayTakePosition: false,
    indexed: false,
    from: words.from,
  };
}

/**
 * `inText`: the proposals in the browser's copy of the clause, in text order, or null while that
 * copy is not yet the clause (before the first sync) — then the index alone is shown.
 * `now`: the time to give a proposal whose marks carry none.
 */
export function reconcileProposals(
  inText: readonly ProposalWords[] | null,
  indexed: readonly ProposalView[],
  now: string,
): ShownProposal[] {
  if (inText === null) return indexed.map((view) => ({ ...view, indexed: true, from: null }));
  const byId = new Map(indexed.map((view) => [view.id, view]));
  const shown: ShownProposal[] = [];
  const placed = new Set<string>();
  for (const words of inText) {
    const view = byId.get(words.id);
    // Decided on the server: the decision's change to the text is on its way here.
    if (view && (view.status === "ACCEPTED" || view.status === "REJECTED")) continue;
    if (!view) {
      const drawn = fromMarks(words, now);
      if (drawn) shown.push(drawn);
    } else if (view.status === "OPEN" && sameWords(view, words)) {
      shown.push({
        ...view,
        contextBefore: words.contextBefore,
        contextAfter: words.contextAfter,
        indexed: true,
        from: words.from,
      });
    } else {
      // Revised (or brought back by an undo) since the index read it: the words are new, so
      // every position on record was given on an earlier wording, as the index will say.
      shown.push({
        ...view,
        status: "OPEN",
        kind: words.kind,
        insertedText: words.insertedText,
        deletedText: words.deletedText,
        contextBefore: words.contextBefore,
        contextAfter: words.contextAfter,
        positions: view.positions.map((position) => ({ ...position, current: false })),
        mayWithdraw: view.status === "OPEN" && view.mayWithdraw,
        mayDecide: false,
        mayTakePosition: false,
        indexed: false,
        from: words.from,
      });
    }
    placed.add(words.id);
  }
  for (const view of indexed) {
    if (placed.has(view.id)) continue;
    // Open in the index but gone from the text (withdrawn, or its words edited away): the index
    // will say so in a moment; the panel follows the text now.
    if (view.status === "OPEN") continue;
    shown.push({ ...view, indexed: true, from: null });
  }
  return shown;
}
