import { describe, expect, it } from "vitest";
import type { ProposalWords } from "@/lib/clause-model/read-proposals";
import type { ProposalView } from "./list-clause-proposals";
import { reconcileProposals } from "./reconcile-proposals";

const NOW = "2026-12-01T12:00:00.000Z";
const author = {
  authorId: "a0000000-0000-4000-8000-000000000001",
  authorName: "Chloe Whitfield",
  organizationId: "o0000000-0000-4000-8000-000000000001",
  organizationCode: "AUS",
  organizationName: "Australia",
  colour: "#0f766e",
};

function inText(id: string, insertedText: string, from = 10): ProposalWords {
  return {
    id,
    kind: "INSERTION",
    insertedText,
    deletedText: "",
    author,
    at: "2026-12-01T11:59:00.000Z",
    citationId: null,
    from,
    contextBefore: "before ",
    contextAfter: " after",
  };
}

function indexed(id: string, insertedText: string, status: ProposalView["status"] = "OPEN"): ProposalView {
  return {
    id,
    kind: "INSERTION",
    status,
    insertedText,
    deletedText: "",
    contextBefore: "old before ",
    contextAfter: " old after",
    fingerprint: `fp-of-${insertedText}`,
    proposedAt: "2026-12-01T11:59:00.000Z",
    author: { id: author.authorId, name: author.authorName },
    delegation: { id: author.organizationId, name: "Australia", code: "AUS", colour: author.colour },
    citation: null,
    discussion: { threadId: "t1", comments: 2, resolved: false },
    positions: [{ stance: "SUPPORTS", delegation: { id: "nz", code: "NZL", name: "New Zealand" }, current: true }],
    decisions: [],
    mayWithdraw: false,
    mayDecide: true,
    mayTakePosition: true,
  };
}

describe("the proposals beside the text: the local text, reconciled with the server's index", () => {
  it("shows a proposal the moment its words are in the text, before the index knows it, with nothing to decide yet", () => {
    const [shown] = reconcileProposals([inText("p1", "new words")], [], NOW);
    expect(shown).toMatchObject({
      id: "p1",
      status: "OPEN",
      insertedText: "new words",
      indexed: false,
      fingerprint: "",
      mayDecide: false,
      mayTakePosition: false,
      delegation: { name: "Australia", code: "AUS" },
      author: { name: "Chloe Whitfield" },
      from: 10,
    });
  });

  it("takes the index's fingerprint, abilities, positions and discussion when it has read the same words", () => {
    const [shown] = reconcileProposals([inText("p1", "same words")], [indexed("p1", "same words")], NOW);
    expect(shown).toMatchObject({
      indexed: true,
      fingerprint: "fp-of-same words",
      mayDecide: true,
      discussion: { comments: 2 },
      contextBefore: "before ",
    });
    expect(shown.positions[0].current).toBe(true);
  });

  it("shows revised words at once, with no decision pinned to them and earlier positions set apart", () => {
    const [shown] = reconcileProposals([inText("p1", "revised words")], [indexed("p1", "earlier words")], NOW);
    expect(shown).toMatchObject({
      insertedText: "revised words",
      indexed: false,
      mayDecide: false,
      mayTakePosition: false,
    });
    expect(shown.positions[0].current).toBe(false);
  });

  it("drops an open proposal whose words left the text, and keeps decided ones for the history", () => {
    const shown = reconcileProposals(
      [inText("p2", "still here")],
      [indexed("gone", "typed away"), indexed("done", "accepted", "ACCEPTED"), indexed("p2", "still here")],
      NOW,
    );
    expect(shown.map((p) => [p.id, p.status, p.from])).toEqual([
      ["p2", "OPEN", 10],
      ["done", "ACCEPTED", null],
    ]);
  });

  it("trusts the index for a decision whose change to the text has not arrived yet", () => {
    const shown = reconcileProposals([inText("p1", "words")], [indexed("p1", "words", "REJECTED")], NOW);
    expect(shown).toHaveLength(1);
    expect(shown[0]).toMatchObject({ status: "REJECTED", from: null });
  });

  it("shows the index alone until the local copy of the clause has been synced", () => {
    const shown = reconcileProposals(null, [indexed("p1", "words")], NOW);
    expect(shown).toMatchObject([{ id: "p1", indexed: true, from: null }]);
  });

  it("leaves out marks that name no author, as the index does", () => {
    expect(reconcileProposals([{ ...inText("p1", "words"), author: null }], [], NOW)).toEqual([]);
  });
});
