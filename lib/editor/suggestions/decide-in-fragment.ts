// Accepting or rejecting proposals, done directly on a clause's Yjs text (on the server), so
// only the proposal's own characters change and anyone typing elsewhere keeps their edits.
//   accept insertion → keep the words, drop the mark    reject insertion → remove the words
//   accept deletion  → remove the words                 reject deletion  → keep them, drop the mark
// The zero-width anchors the transform puts at paragraph edges are removed either way; a
// proposed paragraph break that is rejected (or a proposed join that is accepted) joins the
// two paragraphs again.
import * as Y from "yjs";

export type Outcome = "ACCEPTED" | "REJECTED";

/** Which proposals to decide: a set of ids, or every proposal in the clause. */
export type Selection = ReadonlySet<string> | "all";

const ANCHOR = "\u200B";

type Run = { index: number; length: number; text: string; kind: "insertion" | "deletion" | null; id: string | null };

function proposalAttr(attributes: Record<string, unknown> | undefined, kind: "insertion" | "deletion") {
  const value = attributes?.[kind] as { id?: unknown } | undefined;
  return value && value.id != null ? String(value.id) : null;
}

function runsOf(text: Y.XmlText): Run[] {
  const runs: Run[] = [];
  let index = 0;
  for (const op of text.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[]) {
    const content = typeof op.insert === "string" ? op.insert : "";
    const length = typeof op.insert === "string" ? op.insert.length : 1;
    const insertion = proposalAttr(op.attributes, "insertion");
    const deletion = proposalAttr(op.attributes, "deletion");
    runs.push({
      index,
      length,
      text: content,
      kind: insertion ? "insertion" : deletion ? "deletion" : null,
      id: insertion ?? deletion,
    });
    index += length;
  }
  return runs;
}

function chosen(selection: Selection, id: string | null): boolean {
  return id !== null && (selection === "all" || selection.has(id));
}

/** Words of this run disappear under the outcome (rejected insertion, accepted deletion). */
function removes(run: Run, outcome: Outcome): boolean {
  return (run.kind === "insertion") === (outcome === "REJECTED");
}

function textChildren(parent: Y.XmlFragment | Y.XmlElement): Y.XmlText[] {
  const found: Y.XmlText[] = [];
  for (const child of parent.toArray()) {
    if (child instanceof Y.XmlText) found.push(child);
    else if (child instanceof Y.XmlElement) found.push(...textChildren(child));
  }
  return found;
}

/**
 * Paragraph pairs whose boundary the decision removes: a break proposed (by Enter or a pasted
 * paragraph) and rejected, or a join proposed and accepted — the same proposal on both sides.
 */
function boundariesToJoin(fragment: Y.XmlFragment, selection: Selection, outcome: Outcome) {
  const pairs: [Y.XmlElement, Y.XmlElement][] = [];
  const visit = (parent: Y.XmlFragment | Y.XmlElement) => {
    const children = parent.toArray();
    children.forEach((child, i) => {
      if (!(child instanceof Y.XmlElement)) return;
      visit(child);
      const next = children[i + 1];
      if (!(next instanceof Y.XmlElement)) return;
      // The paragraphs on either side of the boundary, also inside list items.
      const before = edgeTextblock(child, "last");
      const after = edgeTextblock(next, "first");
      if (!before || !after) return;
      const last = before.toArray().at(-1);
      const first = after.toArray()[0];
      if (!(last instanceof Y.XmlText) || !(first instanceof Y.XmlText)) return;
      const end = runsOf(last).at(-1);
      const start = runsOf(first)[0];
      if (!end || !start || end.id === null || end.id !== start.id || end.kind !== start.kind) return;
      if (chosen(selection, end.id) && removes(end, outcome)) pairs.push([before, after]);
    });
  };
  visit(fragment);
  return pairs;
}

/** Paragraphs made only of words the decision removes (a whole proposed paragraph, rejected). */
function paragraphsToRemove(fragment: Y.XmlFragment, selection: Selection, outcome: Outcome): Y.XmlElement[] {
  const found: Y.XmlElement[] = [];
  const visit = (parent: Y.XmlFragment | Y.XmlElement) => {
    for (const child of parent.toArray()) {
      if (!(child instanceof Y.XmlElement)) continue;
      const texts = child.toArray();
      if (texts.length > 0 && texts.every((t) => t instanceof Y.XmlText)) {
        const runs = texts.flatMap((t) => runsOf(t as Y.XmlText));
        if (runs.length > 0 && runs.every((r) => r.kind && chosen(selection, r.id) && removes(r, outcome)))
          found.push(child);
      } else visit(child);
    }
  };
  visit(fragment);
  return found;
}

/**
 * Paragraphs joined across removed boundaries form chains. A chain made only of paragraphs the
 * decision empties goes as a whole (joining them first would leave an empty paragraph behind);
 * any other chain is joined into its first paragraph. Emptied paragraphs outside chains go.
 */
function planJoins(pairs: [Y.XmlElement, Y.XmlElement][], removable: Set<Y.XmlElement>) {
  const next = new Map(pairs);
  const hasPrevious = new Set(pairs.map(([, second]) => second));
  const joins: [Y.XmlElement, Y.XmlElement][] = [];
  const chained = new Set<Y.XmlElement>();
  const emptied: Y.XmlElement[] = [];
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

/** The first or last paragraph within an element (itself, if it holds text). */
function edgeTextblock(element: Y.XmlElement, edge: "first" | "last"): Y.XmlElement | null {
  const children = element.toArray();
  const child = edge === "first" ? children[0] : children.at(-1);
  if (child instanceof Y.XmlElement) return edgeTextblock(child, edge);
  return child instanceof Y.XmlText ? element : null;
}

/** Removes an element, and its containers that it leaves empty (a list item around a paragraph). */
function removeWithEmptyContainers(element: Y.XmlElement): void {
  let target: Y.XmlElement = element;
  while (target.parent instanceof Y.XmlElement && target.parent.length === 1) target = target.parent;
  const parent = target.parent as Y.XmlFragment | Y.XmlElement;
  if (parent instanceof Y.XmlFragment && !(parent instanceof Y.XmlElement) && parent.length === 1) return;
  parent.delete(parent.toArray().indexOf(target), 1);
}

/** Moves the content of `second` to the end of `first` and removes `second`. */
function join(first: Y.XmlElement, second: Y.XmlElement): void {
  const target = first.toArray().at(-1) as Y.XmlText;
  for (const child of second.toArray()) {
    if (child instanceof Y.XmlText && child === second.toArray()[0]) {
      let at = target.length;
      for (const op of child.toDelta() as { insert: string; attributes?: Record<string, unknown> }[]) {
        if (typeof op.insert !== "string") continue;
        target.insert(at, op.insert, op.attributes ?? {});
        at += op.insert.length;
      }
    } else {
      first.push([child.clone() as Y.XmlElement | Y.XmlText]);
    }
  }
  removeWithEmptyContainers(second);
}

/**
 * Applies the decision to every chosen proposal in the fragment. Returns the ids it touched.
 * `origin` marks the Yjs transaction (the browser passes its editor's, so Ctrl+Z undoes it).
 */
export function decideInFragment(
  fragment: Y.XmlFragment,
  selection: Selection,
  outcome: Outcome,
  origin?: unknown,
): Set<string> {
  const touched = new Set<string>();
  const doc = fragment.doc;
  const run = (fn: () => void) => (doc ? doc.transact(fn, origin) : fn());
  run(() => {
    const { joins, emptied } = planJoins(
      boundariesToJoin(fragment, selection, outcome),
      new Set(paragraphsToRemove(fragment, selection, outcome)),
    );
    for (const text of textChildren(fragment)) {
      // From the end, so earlier indexes stay valid as characters are removed.
      for (const piece of runsOf(text).reverse()) {
        if (!chosen(selection, piece.id) || !piece.kind) continue;
        touched.add(piece.id as string);
        if (removes(piece, outcome)) {
          text.delete(piece.index, piece.length);
          continue;
        }
        text.format(piece.index, piece.length, { [piece.kind]: null });
        // Anchors mean nothing once the proposal is settled.
        for (let i = piece.text.length - 1; i >= 0; i--) if (piece.text[i] === ANCHOR) text.delete(piece.index + i, 1);
      }
    }
    // A chain of joins (three pasted paragraphs rejected) folds into the first paragraph.
    const mergedInto = new Map<Y.XmlElement, Y.XmlElement>();
    for (const [first, second] of joins) {
      const target = mergedInto.get(first) ?? first;
      join(target, second);
      mergedInto.set(second, target);
    }
    for (const paragraph of emptied) removeWithEmptyContainers(paragraph);
  });
  return touched;
}
