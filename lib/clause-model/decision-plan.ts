// What a decision on proposals does to a clause, read from the model: which runs lose their
// words, which keep them and lose the proposal's mark, which paragraphs are joined again and
// which go. The chair's decision on the live text (decide-in-fragment.ts) carries out exactly
// this plan, and predict-decision.ts applies it to the model, so what is predicted is what happens.
//   accept insertion → keep the words, drop the mark    reject insertion → remove the words
//   accept deletion  → remove the words                 reject deletion  → keep them, drop the mark
// A proposed paragraph break (the same proposal on both sides of a boundary) that is rejected,
// or a proposed join that is accepted, joins the two paragraphs again; a paragraph made only of
// words that go, goes.
import { type ClauseNode, childrenOf, type Paragraph, paragraphsOf, type TextRun } from "./clause-model";

export type Outcome = "ACCEPTED" | "REJECTED";

/** Which proposals to decide: a set of ids, or every proposal in the clause. */
export type Selection = ReadonlySet<string> | "all";

export type DecisionPlan = {
  /** The proposals the decision settles. */
  touched: Set<string>;
  /** Runs whose words go. */
  remove: TextRun[];
  /** Runs whose words stay as agreed words: the mark goes, and the zero-width anchors in them. */
  settle: TextRun[];
  /** Paragraph pairs whose boundary goes: the second's content moves to the end of the first. */
  joins: [Paragraph, Paragraph][];
  /** Paragraphs that go, with the containers they leave empty. */
  emptied: Paragraph[];
};

function chosen(selection: Selection, run: TextRun): boolean {
  return run.proposal !== null && (selection === "all" || selection.has(run.proposal.id));
}

/** Words of this run disappear under the outcome (rejected insertion, accepted deletion). */
function removes(run: TextRun, outcome: Outcome): boolean {
  return (run.proposal?.kind === "insertion") === (outcome === "REJECTED");
}

function goes(run: TextRun, selection: Selection, outcome: Outcome): boolean {
  return chosen(selection, run) && removes(run, outcome);
}

/** The first or last paragraph within a node, if the node ends in words there. */
function edgeParagraph(node: ClauseNode, edge: "first" | "last"): Paragraph | null {
  if (node.type === "paragraph") {
    const inline = edge === "first" ? node.inlines[0] : node.inlines.at(-1);
    return inline?.type === "text" ? node : null;
  }
  const children = childrenOf(node);
  const child = edge === "first" ? children[0] : children.at(-1);
  return child ? edgeParagraph(child, edge) : null;
}

function edgeRun(paragraph: Paragraph, edge: "first" | "last"): TextRun {
  return (edge === "first" ? paragraph.inlines[0] : paragraph.inlines.at(-1)) as TextRun;
}

/** Boundaries the decision removes: the same chosen proposal on both sides, and its words go. */
function boundariesToJoin(nodes: readonly ClauseNode[], selection: Selection, outcome: Outcome) {
  const pairs: [Paragraph, Paragraph][] = [];
  const visit = (siblings: readonly ClauseNode[]) => {
    siblings.forEach((node, i) => {
      visit(childrenOf(node));
      const next = siblings[i + 1];
      if (!next) return;
      const before = edgeParagraph(node, "last");
      const after = edgeParagraph(next, "first");
      if (!before || !after) return;
      const [end, start] = [edgeRun(before, "last"), edgeRun(after, "first")];
      if (!end.proposal || end.proposal.id !== start.proposal?.id || end.proposal.kind !== start.proposal.kind) return;
      if (goes(end, selection, outcome)) pairs.push([before, after]);
    });
  };
  visit(nodes);
  return pairs;
}

/**
 * Paragraphs joined across removed boundaries form chains. A chain made only of paragraphs the
 * decision empties goes as a whole (joining them first would leave an empty paragraph behind);
 * any other chain is joined into its first paragraph. Emptied paragraphs outside chains go.
 */
function planJoins(pairs: [Paragraph, Paragraph][], removable: Set<Paragraph>) {
  const next = new Map(pairs);
  const hasPrevious = new Set(pairs.map(([, second]) => second));
  const joins: [Paragraph, Paragraph][] = [];
  const chained = new Set<Paragraph>();
  const emptied: Paragraph[] = [];
  for (const [start] of pairs) {
    if (hasPrevious.has(start) || chained.has(start)) continue;
    const chain = [start];
    for (let at = next.get(start); at; at = next.get(at)) chain.push(at);
    for (const paragraph of chain) chained.add(paragraph);
    if (chain.every((paragraph) => removable.has(paragraph))) emptied.push(...chain);
    else for (let i = 0; i + 1 < chain.length; i++) joins.push([chain[i], chain[i + 1]]);
  }
  for (const paragraph of removable) if (!chained.has(paragraph)) emptied.push(paragraph);
  return { joins, emptied };
}

export function planDecision(nodes: readonly ClauseNode[], selection: Selection, outcome: Outcome): DecisionPlan {
  const plan: DecisionPlan = { touched: new Set(), remove: [], settle: [], joins: [], emptied: [] };
  const removable = new Set<Paragraph>();
  for (const paragraph of paragraphsOf(nodes)) {
    let all = paragraph.inlines.length > 0;
    for (const inline of paragraph.inlines) {
      if (inline.type !== "text" || !chosen(selection, inline)) {
        all = false;
        continue;
      }
      plan.touched.add(inline.proposal?.id as string);
      if (removes(inline, outcome)) plan.remove.push(inline);
      else {
        plan.settle.push(inline);
        all = false;
      }
    }
    if (all) removable.add(paragraph);
  }
  const { joins, emptied } = planJoins(boundariesToJoin(nodes, selection, outcome), removable);
  plan.joins = joins;
  plan.emptied = emptied;
  return plan;
}
