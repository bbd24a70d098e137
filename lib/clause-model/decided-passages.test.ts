// Property: the passage a decision records for each proposal is what the clause reads after
// the decision is applied to a real Y.Doc (decideInFragment) — a piece of its agreed text,
// holding the words the decision kept — over many random clauses and selections.
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { CLAUSE_FRAGMENT } from "@/lib/editor/extensions";
import { decideInFragment } from "@/lib/editor/suggestions/decide-in-fragment";
import { type Inline, paragraphsOf } from "./clause-model";
import { decidedPassages } from "./decided-passages";
import type { Outcome, Selection } from "./decision-plan";
import { proposalsInClause } from "./proposals-in-clause";
import { readClause } from "./read-clause";
import { RandomClause, seededRandom } from "./test-support/random-clause";
import { withoutAnchors } from "./zero-width-anchor";

const CASES = 400;

/** Agreed words of some inlines: words proposed for insertion are not agreed yet. */
function agreed(inlines: readonly Inline[]): string {
  return inlines
    .map((inline) =>
      inline.type === "hardBreak" ? "\n" : inline.proposal?.kind === "insertion" ? "" : withoutAnchors(inline.text),
    )
    .join("");
}

/** The clause's agreed text, paragraphs one per line. */
function agreedText(doc: Y.Doc): string {
  return [...paragraphsOf(readClause(doc).blocks)].map((paragraph) => agreed(paragraph.inlines)).join("\n");
}

function paragraphDoc(runs: [string, Record<string, unknown>][]): Y.Doc {
  const doc = new Y.Doc();
  const paragraph = new Y.XmlElement("paragraph");
  const text = new Y.XmlText();
  paragraph.insert(0, [text]);
  doc.getXmlFragment(CLAUSE_FRAGMENT).insert(0, [paragraph]);
  let at = 0;
  for (const [words, attributes] of runs) {
    text.insert(at, words, attributes);
    at += words.length;
  }
  return doc;
}

const by = (id: string) => ({ id, authorId: "u", authorName: "A", organizationId: "o", organizationCode: "AUS" });

describe("the passage a decision records", () => {
  it("is the paragraph as it reads after the decision, with neighbouring decided proposals applied too", () => {
    const doc = paragraphDoc([
      ["The Parties shall ", {}],
      ["promptly", { deletion: by("p1") }],
      ["immediately", { insertion: by("p1") }],
      [" notify ", {}],
      ["in writing ", { deletion: by("p2") }],
      ["the depositary", {}],
      [" and each other", { insertion: by("p3") }],
      [".", {}],
    ]);
    const passages = decidedPassages(readClause(doc), new Set(["p1", "p2"]), "ACCEPTED");
    decideInFragment(doc.getXmlFragment(CLAUSE_FRAGMENT), new Set(["p1", "p2"]), "ACCEPTED");
    // p3 is still open: the agreed text leaves its words out.
    expect(agreedText(doc)).toBe("The Parties shall immediately notify the depositary.");
    expect(passages.get("p1")).toBe(agreedText(doc));
    expect(passages.get("p2")).toBe(agreedText(doc));
  });

  it("is a piece of the agreed text after the decision, over random clauses", () => {
    let checked = 0;
    for (let seed = 1; seed <= CASES; seed++) {
      const clause = new RandomClause(seededRandom(seed));
      const doc = new Y.Doc();
      clause.write(doc);
      const model = readClause(doc);
      const proposals = proposalsInClause(model);
      const selection: Selection = clause.chance(0.3)
        ? "all"
        : new Set(proposals.map((p) => p.id).filter(() => clause.chance(0.5)));
      const outcome: Outcome = clause.chance(0.5) ? "ACCEPTED" : "REJECTED";
      const passages = decidedPassages(model, selection, outcome);
      const touched = decideInFragment(doc.getXmlFragment(CLAUSE_FRAGMENT), selection, outcome);
      expect([...passages.keys()].sort(), `seed ${seed}`).toEqual([...touched].sort());
      const after = agreedText(doc);
      for (const proposal of proposals) {
        const passage = passages.get(proposal.id);
        if (passage === undefined) continue;
        expect(after.includes(passage), `seed ${seed}: ${JSON.stringify(passage)} in ${JSON.stringify(after)}`).toBe(
          true,
        );
        // Where the decision kept words, the passage holds some.
        const kept = outcome === "ACCEPTED" ? proposal.insertedText : proposal.deletedText;
        if (kept.trim()) expect(passage.trim(), `seed ${seed}`).not.toBe("");
        checked++;
      }
      doc.destroy();
    }
    expect(checked).toBeGreaterThan(CASES);
  });
});
