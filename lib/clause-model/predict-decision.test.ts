// Property: what the clause model predicts a decision will do is exactly what the decision does
// to a real Y.Doc (decideInFragment), over many random clauses with random proposals — paragraph
// breaks, list items, adjacent and interleaved proposals — and random selections of them.
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { CLAUSE_FRAGMENT } from "@/lib/editor/extensions";
import { decideInFragment } from "@/lib/editor/suggestions/decide-in-fragment";
import { clauseForm } from "./clause-form";
import type { Outcome, Selection } from "./decision-plan";
import { predictDecision } from "./predict-decision";
import { proposalsInClause } from "./proposals-in-clause";
import { readClause } from "./read-clause";
import { RandomClause, seededRandom } from "./test-support/random-clause";

const CASES = 600;

describe("the model's prediction of a decision", () => {
  it("equals the clause as read after the decision is applied to the live text", () => {
    let decidedSomething = 0;
    for (let seed = 1; seed <= CASES; seed++) {
      const random = seededRandom(seed);
      const clause = new RandomClause(random);
      const doc = new Y.Doc();
      clause.write(doc);
      const model = readClause(doc);
      const ids = proposalsInClause(model).map((p) => p.id);
      const selection: Selection = clause.chance(0.3) ? "all" : new Set(ids.filter(() => clause.chance(0.5)));
      const outcome: Outcome = clause.chance(0.5) ? "ACCEPTED" : "REJECTED";
      const predicted = predictDecision(model, selection, outcome);
      const touched = decideInFragment(doc.getXmlFragment(CLAUSE_FRAGMENT), selection, outcome);
      const actual = readClause(doc);
      expect(clauseForm(actual.blocks), `seed ${seed}`).toBe(clauseForm(predicted.blocks));
      // What was decided is gone from the proposals; the rest are as they were.
      const left = new Set(proposalsInClause(actual).map((p) => p.id));
      for (const id of touched) expect(left.has(id), `seed ${seed}`).toBe(false);
      if (touched.size > 0) decidedSomething++;
      doc.destroy();
    }
    // The generator must actually exercise decisions, not only empty selections.
    expect(decidedSomething).toBeGreaterThan(CASES / 2);
  });
});
