// Accepting or rejecting proposals, done directly on a clause's Yjs text (on the server, and in
// the browser for withdrawing one's own), so only the proposal's own characters change and
// anyone typing elsewhere keeps their edits. What the decision does is the clause model's plan
// (lib/clause-model/decision-plan.ts); this file only carries it out on the live Yjs XML, step
// for step as lib/clause-model/predict-decision.ts does on the model.
import * as Y from "yjs";
import type { Paragraph, TextRun } from "@/lib/clause-model/clause-model";
import { type Outcome, planDecision, type Selection } from "@/lib/clause-model/decision-plan";
import { readFragment } from "@/lib/clause-model/read-clause";
import { ANCHOR } from "@/lib/clause-model/zero-width-anchor";

export type { Outcome, Selection };

function sourceOf(paragraph: Paragraph): Y.XmlElement {
  return paragraph.source as Y.XmlElement;
}

/** Still part of the clause (not inside something an earlier step removed). */
function attached(element: Y.XmlElement, fragment: Y.XmlFragment): boolean {
  // biome-ignore lint/suspicious/noExplicitAny: Yjs types are generic over their event type
  for (let at: Y.AbstractType<any> | null = element; at && at !== fragment; at = at.parent) {
    if (at._item?.deleted) return false;
  }
  return true;
}

/** Removes a paragraph, and the containers it leaves empty (a list item around it). */
function removeParagraph(paragraph: Y.XmlElement, fragment: Y.XmlFragment, keepLastBlock: boolean): void {
  if (!attached(paragraph, fragment)) return;
  let target: Y.XmlElement = paragraph;
  while (target.parent instanceof Y.XmlElement && target.parent.length === 1) target = target.parent;
  const parent = target.parent as Y.XmlFragment | Y.XmlElement;
  // A list item must begin with a paragraph: its first one is emptied, never removed.
  if (parent instanceof Y.XmlElement && parent.nodeName === "listItem" && parent.get(0) === target) {
    target.delete(0, target.length);
    return;
  }
  // The clause keeps its last block (the editor would otherwise write one of its own).
  if (parent === fragment && keepLastBlock && parent.length === 1) return;
  parent.delete(parent.toArray().indexOf(target), 1);
}

/** Moves the content of `second` to the end of `first`. */
function moveContent(first: Y.XmlElement, second: Y.XmlElement): void {
  let target = first.toArray().at(-1);
  if (!(target instanceof Y.XmlText)) {
    target = new Y.XmlText();
    first.push([target]);
  }
  const into = target as Y.XmlText;
  const children = second.toArray();
  children.forEach((child, i) => {
    if (child instanceof Y.XmlText && i === 0) {
      let at = into.length;
      for (const op of child.toDelta() as { insert: string; attributes?: Record<string, unknown> }[]) {
        into.insert(at, op.insert, op.attributes ?? {});
        at += op.insert.length;
      }
    } else first.push([child.clone() as Y.XmlElement | Y.XmlText]);
  });
  second.delete(0, second.length);
}

function settle(run: TextRun): void {
  const { text, index } = run.source as NonNullable<TextRun["source"]>;
  text.format(index, run.text.length, { [run.proposal?.kind as string]: null });
  // Anchors mean nothing once the proposal is settled.
  for (let i = run.text.length - 1; i >= 0; i--) if (run.text[i] === ANCHOR) text.delete(index + i, 1);
}

/**
 * Applies the decision to every chosen proposal in the fragment. Returns the ids it touched.
 * `origin` marks the Yjs transaction (the browser passes its editor's, so Ctrl+Z undoes it).
 * Throws ClauseUnreadable if the fragment is not a clause.
 */
export function decideInFragment(
  fragment: Y.XmlFragment,
  selection: Selection,
  outcome: Outcome,
  origin?: unknown,
): Set<string> {
  const model = readFragment(fragment);
  const plan = planDecision(model.blocks, selection, outcome);
  const doc = fragment.doc;
  const run = (fn: () => void) => (doc ? doc.transact(fn, origin) : fn());
  run(() => {
    // Runs from the end of each text, so earlier indexes stay valid as characters go.
    const steps = [
      ...plan.remove.map((r) => ({ run: r, remove: true })),
      ...plan.settle.map((r) => ({ run: r, remove: false })),
    ].sort((a, b) => (b.run.source?.index ?? 0) - (a.run.source?.index ?? 0));
    for (const step of steps) {
      const { text, index } = step.run.source as NonNullable<TextRun["source"]>;
      if (step.remove) text.delete(index, step.run.text.length);
      else settle(step.run);
    }
    // A chain of joins (three pasted paragraphs rejected) folds into the first paragraph.
    const mergedInto = new Map<Y.XmlElement, Y.XmlElement>();
    for (const [first, second] of plan.joins) {
      const [a, b] = [sourceOf(first), sourceOf(second)];
      const target = mergedInto.get(a) ?? a;
      moveContent(target, b);
      removeParagraph(b, fragment, true);
      mergedInto.set(b, target);
    }
    for (const paragraph of plan.emptied) removeParagraph(sourceOf(paragraph), fragment, true);
  });
  return plan.touched;
}
