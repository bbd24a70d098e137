// The model of a clause after a decision, predicted from its plan (decision-plan.ts) without
// touching the live text: the same steps the live decision carries out, done on a copy of the
// model. A property test (predict-decision.test.ts) holds the two together.
import type { Block, ClauseModel, ClauseNode, Inline, ListItem, Paragraph, TextRun } from "./clause-model";
import { type DecisionPlan, type Outcome, planDecision, type Selection } from "./decision-plan";
import { withoutAnchors } from "./zero-width-anchor";

/**
 * A place in the text to follow through a decision: just before or after one of its runs. It
 * lands in the predicted paragraph that holds that place, at an index among its inlines, or
 * nowhere if the decision removes the paragraph.
 */
export type Landmark = {
  beside: Inline;
  side: "before" | "after";
  landed?: { paragraph: Paragraph; index: number };
};

/** A landmark travelling with the inlines of its paragraph, through joins. */
type Marker = { type: "landmark"; landmark: Landmark };

type Mutable = {
  node: ClauseNode | null;
  inlines: (Inline | Marker)[];
  children: Mutable[];
  parent: Mutable | null;
  removed: boolean;
};

export type PredictOptions = {
  /**
   * Keep the clause's last block even if the decision empties it, as the live text does (a Yjs
   * fragment left without a paragraph would be given a new one by the first editor to open it).
   */
  keepLastBlock?: boolean;
  /** Places to follow: each is told where it landed (see Landmark). */
  landmarks?: readonly Landmark[];
};

/** Where removing `paragraph` stops: the outermost container it would leave empty. */
export function removalTarget<T extends { parent: T | null; children: unknown[] }>(
  paragraph: T,
  root: T,
  isListItem: (node: T) => boolean,
): T | "empty-it" | null {
  let target = paragraph;
  while (target.parent && target.parent !== root && target.parent.children.length === 1) target = target.parent;
  const parent = target.parent;
  if (!parent) return null;
  // A list item must begin with a paragraph: its first one is emptied, never removed, while
  // sub-paragraphs follow it.
  if (isListItem(parent) && parent.children[0] === target) return "empty-it";
  return target;
}

function settled(run: TextRun): TextRun | null {
  const text = withoutAnchors(run.text);
  return text
    ? {
        type: "text",
        text,
        formatting: run.formatting,
        anchors: run.anchors,
        proposal: null,
        brackets: run.brackets,
        ...(run.alternatives ? { alternatives: run.alternatives } : {}),
      }
    : null;
}

export function applyPlan(
  nodes: readonly ClauseNode[],
  plan: DecisionPlan,
  { keepLastBlock = true, landmarks = [] }: PredictOptions = {},
): ClauseNode[] {
  const gone = new Set<Inline>(plan.remove);
  const settle = new Set<Inline>(plan.settle);
  const markers = new Map<Inline, { before: Marker[]; after: Marker[] }>();
  for (const landmark of landmarks) {
    const at = markers.get(landmark.beside) ?? { before: [], after: [] };
    markers.set(landmark.beside, at);
    at[landmark.side].push({ type: "landmark", landmark });
  }
  const byParagraph = new Map<Paragraph, Mutable>();
  const build = (node: ClauseNode, parent: Mutable | null): Mutable => {
    const mutable: Mutable = { node, inlines: [], children: [], parent, removed: false };
    if (node.type === "paragraph") {
      byParagraph.set(node, mutable);
      for (const inline of node.inlines) {
        const marked = markers.get(inline);
        if (marked) mutable.inlines.push(...marked.before);
        const kept = gone.has(inline) ? null : settle.has(inline) ? settled(inline as TextRun) : inline;
        if (kept) mutable.inlines.push(kept);
        if (marked) mutable.inlines.push(...marked.after);
      }
    } else {
      const children = node.type === "listItem" ? node.blocks : node.items;
      mutable.children = children.map((child) => build(child, mutable));
    }
    return mutable;
  };
  const root: Mutable = { node: null, inlines: [], children: [], parent: null, removed: false };
  root.children = nodes.map((node) => build(node, root));

  const attached = (m: Mutable) => {
    for (let at: Mutable | null = m; at && at !== root; at = at.parent) if (at.removed) return false;
    return true;
  };
  const remove = (paragraph: Mutable) => {
    if (!attached(paragraph)) return;
    const target = removalTarget(paragraph, root, (m) => m.node?.type === "listItem");
    if (target === "empty-it") {
      // The paragraph stays, empty: a place followed into it stays too.
      paragraph.inlines = paragraph.inlines.filter((inline) => inline.type === "landmark");
      return;
    }
    if (!target?.parent) return;
    if (keepLastBlock && target.parent === root && root.children.length === 1) return;
    target.parent.children.splice(target.parent.children.indexOf(target), 1);
    target.removed = true;
  };
  // A chain of joins (three pasted paragraphs rejected) folds into the first paragraph.
  const mergedInto = new Map<Mutable, Mutable>();
  for (const [first, second] of plan.joins) {
    const [a, b] = [byParagraph.get(first) as Mutable, byParagraph.get(second) as Mutable];
    const target = mergedInto.get(a) ?? a;
    target.inlines.push(...b.inlines);
    b.inlines = [];
    remove(b);
    mergedInto.set(b, target);
  }
  for (const paragraph of plan.emptied) remove(byParagraph.get(paragraph) as Mutable);

  const freeze = (m: Mutable): ClauseNode => {
    const node = m.node as ClauseNode;
    switch (node.type) {
      case "paragraph": {
        if (landmarks.length === 0) return { type: "paragraph", inlines: m.inlines as Inline[] };
        const paragraph: Paragraph = { type: "paragraph", inlines: [] };
        const inlines: Inline[] = [];
        for (const inline of m.inlines) {
          if (inline.type === "landmark") inline.landmark.landed = { paragraph, index: inlines.length };
          else inlines.push(inline);
        }
        return Object.assign(paragraph, { inlines });
      }
      case "listItem":
        return { type: "listItem", status: node.status, blocks: m.children.map(freeze) as Block[] };
      case "orderedList":
        return { ...node, source: undefined, items: m.children.map(freeze) as ListItem[] };
      case "bulletList":
        return { type: "bulletList", items: m.children.map(freeze) as ListItem[] };
    }
  };
  return root.children.map(freeze);
}

/** The clause as it would read after deciding `selection` with `outcome`. */
export function predictDecision(
  model: ClauseModel,
  selection: Selection,
  outcome: Outcome,
  options?: PredictOptions,
): ClauseModel {
  return { blocks: applyPlan(model.blocks, planDecision(model.blocks, selection, outcome), options) as Block[] };
}
