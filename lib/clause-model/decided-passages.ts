// What each decided proposal's passage reads after a decision: the words around where the
// proposal stood (its words that stay, if any), in the clause as the model predicts the decision leaves it (the same plan the
// live decision carries out, decide-in-fragment.ts), so the decision's record says exactly what
// the text became. Read as agreed text: proposals still open around it count as not yet made.
import type { ClauseModel, Inline, Paragraph, TextRun } from "./clause-model";
import { paragraphsOf } from "./clause-model";
import type { DecisionPlan, Outcome, Selection } from "./decision-plan";
import { planDecision } from "./decision-plan";
import { applyPlan, type Landmark } from "./predict-decision";
import { withoutAnchors } from "./zero-width-anchor";

/** Agreed words kept on each side of the decided words, as the proposals panel's context. */
export const PASSAGE_CONTEXT_CHARS = 60;

function agreedText(inlines: readonly Inline[]): string {
  let text = "";
  for (const inline of inlines) {
    if (inline.type === "hardBreak") text += "\n";
    else if (inline.proposal?.kind !== "insertion") text += withoutAnchors(inline.text);
  }
  return text;
}

type Edges = { first: TextRun; last: TextRun };

/**
 * Where each proposal the decision settles begins and ends: its first and last run whose words
 * stay, or, when none stay, its first and last run.
 */
function edges(model: ClauseModel, plan: DecisionPlan): Map<string, Edges> {
  const staying = new Set<Inline>(plan.settle);
  const all = new Map<string, Edges>();
  const kept = new Map<string, Edges>();
  const note = (found: Map<string, Edges>, id: string, run: TextRun) => {
    const seen = found.get(id);
    if (seen) seen.last = run;
    else found.set(id, { first: run, last: run });
  };
  for (const paragraph of paragraphsOf(model.blocks)) {
    for (const inline of paragraph.inlines) {
      const id = inline.type === "text" ? inline.proposal?.id : undefined;
      if (!id || !plan.touched.has(id)) continue;
      note(all, id, inline as TextRun);
      if (staying.has(inline)) note(kept, id, inline as TextRun);
    }
  }
  return new Map([...all].map(([id, found]) => [id, kept.get(id) ?? found]));
}

/**
 * For each proposal the decision settles, its passage afterwards: the agreed words from
 * PASSAGE_CONTEXT_CHARS before where it began to as many after where it ended (paragraphs it
 * spans joined by a line break). Empty when the decision removes its paragraph altogether.
 */
export function decidedPassages(model: ClauseModel, selection: Selection, outcome: Outcome): Map<string, string> {
  const plan = planDecision(model.blocks, selection, outcome);
  const followed = [...edges(model, plan)].map(([id, { first, last }]) => ({
    id,
    start: { beside: first, side: "before" } as Landmark,
    end: { beside: last, side: "after" } as Landmark,
  }));
  const after = applyPlan(model.blocks, plan, { landmarks: followed.flatMap(({ start, end }) => [start, end]) });
  const paragraphs = [...paragraphsOf(after)];
  const order = new Map<Paragraph, number>(paragraphs.map((paragraph, index) => [paragraph, index]));

  const passages = new Map<string, string>();
  for (const followedPassage of followed) {
    const { id } = followedPassage;
    // One side's paragraph went (its words all removed): the passage is around the other side.
    const start = followedPassage.start.landed ? followedPassage.start : followedPassage.end;
    const end = followedPassage.end.landed ? followedPassage.end : followedPassage.start;
    if (!start.landed || !end.landed) {
      passages.set(id, "");
      continue;
    }
    const [from, to] = [order.get(start.landed.paragraph) as number, order.get(end.landed.paragraph) as number];
    const before = agreedText(start.landed.paragraph.inlines.slice(0, start.landed.index));
    const rest = agreedText(end.landed.paragraph.inlines.slice(end.landed.index));
    let words: string;
    if (from === to) words = agreedText(start.landed.paragraph.inlines.slice(start.landed.index, end.landed.index));
    else {
      words = [
        agreedText(start.landed.paragraph.inlines.slice(start.landed.index)),
        ...paragraphs.slice(from + 1, to).map((paragraph) => agreedText(paragraph.inlines)),
        agreedText(end.landed.paragraph.inlines.slice(0, end.landed.index)),
      ].join("\n");
    }
    passages.set(id, `${before.slice(-PASSAGE_CONTEXT_CHARS)}${words}${rest.slice(0, PASSAGE_CONTEXT_CHARS)}`);
  }
  return passages;
}
