// The agreed form of some of a clause's nodes: what they would read if every proposal were
// rejected (predicted from the model, as the chair's rejection would leave them) — words,
// formatting, comment anchors and structure. Someone who may only suggest must leave it exactly
// as it was. Containers left empty do not count, nor do empty top-level paragraphs: they hold no
// words, and the editor writes one of its own when a person empties a clause that had none.

import { clauseForm } from "./clause-form";
import type { ClauseNode } from "./clause-model";
import { planDecision } from "./decision-plan";
import { applyPlan } from "./predict-decision";

function withoutEmpty(nodes: readonly ClauseNode[], atTop: boolean): ClauseNode[] {
  const kept: ClauseNode[] = [];
  for (const node of nodes) {
    if (node.type === "paragraph") {
      if (!(atTop && node.inlines.length === 0)) kept.push(node);
    } else if (node.type === "listItem") {
      const blocks = withoutEmpty(node.blocks, false);
      if (blocks.length > 0) kept.push({ ...node, blocks: blocks as typeof node.blocks });
    } else {
      const items = withoutEmpty(node.items, false);
      if (items.length > 0) kept.push({ ...node, items: items as typeof node.items });
    }
  }
  return kept;
}

/**
 * A comparable string: equal for two runs of nodes exactly when their agreed forms are equal.
 * `atTop`: the nodes are the clause's top-level blocks (not the items inside a list).
 */
export function agreedForm(nodes: readonly ClauseNode[], { atTop = true }: { atTop?: boolean } = {}): string {
  const rejected = applyPlan(nodes, planDecision(nodes, "all", "REJECTED"), { keepLastBlock: false });
  return clauseForm(withoutEmpty(rejected, atTop));
}
