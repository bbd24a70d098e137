// What it takes to undo a decision, computed when it is taken, on the server's own copy of the
// clause: a Y.UndoManager watches the decision's transaction, and undoing it there gives the
// Yjs update that puts the words back exactly as they were (proposal marks, their authors and
// times included). What the live document needs is taken from the copy before the inverse is
// computed, since computing it leaves the copy reading as before the decision.
//
// An undo is safe only while the blocks the decision changed (top-level paragraphs and lists)
// still read exactly as the decision left them: if anyone has typed, proposed or commented
// in them since, replaying the inverse could misplace or swallow those words. So the decision
// also keeps each touched block as it read after (and before) the decision; the undo checks the
// first and, once applied, that the second is what the clause reads again.
import * as Y from "yjs";
import { CLAUSE_FRAGMENT } from "@/lib/editor/extensions";

/** A top-level block of the clause, named by the Yjs id of its element. */
type BlockState = { client: number; clock: number; after: string; before: string };

/** The blocks a decision touched; `whole` when it changed the clause's block structure itself. */
export type Touched =
  | { whole: false; blocks: BlockState[] }
  | { whole: true; after: string; before: string }
  /** The inverse could not rebuild the words exactly: this decision cannot be undone. */
  | { unrestorable: true };

const DECIDING = Symbol("deciding");

/** Any shared type, seen only as what it hangs from. */
type Shared = { _item: Y.Item | null };

/** The top-level block a changed type lies in; the fragment itself; null if it hangs from nothing. */
function topLevelOf(type: Shared, fragment: Y.XmlFragment): Shared | null {
  let current: Shared | null = type;
  while (current && current !== (fragment as unknown)) {
    const parent: Shared | null = (current._item?.parent as unknown as Shared) ?? null;
    if (parent === (fragment as unknown)) return current;
    current = parent;
  }
  return current;
}

function blocksById(fragment: Y.XmlFragment): Map<string, Y.XmlElement | Y.XmlText> {
  const found = new Map<string, Y.XmlElement | Y.XmlText>();
  for (const child of fragment.toArray()) {
    if (!(child instanceof Y.XmlElement || child instanceof Y.XmlText) || !child._item) continue;
    found.set(`${child._item.id.client}:${child._item.id.clock}`, child);
  }
  return found;
}

/**
 * Runs `decide` on `copy` (a document made with `gc: false`) and returns the forward update,
 * what `beforeUndo` took from the decided copy, and the inverse with the touched blocks.
 * After it returns, the copy reads as before the decision.
 */
export function decideWithInverse<T>(
  copy: Y.Doc,
  decide: (origin: symbol) => void,
  beforeUndo: () => T,
): { forward: Uint8Array; inverse: Uint8Array; touched: Touched; taken: T } {
  const fragment = copy.getXmlFragment(CLAUSE_FRAGMENT);
  const wholeBefore = fragment.toString();
  const beforeById = new Map([...blocksById(fragment)].map(([id, block]) => [id, block.toString()]));
  const undoManager = new Y.UndoManager(fragment, { trackedOrigins: new Set([DECIDING]), captureTimeout: 0 });
  const changed = new Set<Shared>();
  const watch = (transaction: Y.Transaction) => {
    if (transaction.origin !== DECIDING) return;
    for (const type of transaction.changed.keys()) changed.add(type as unknown as Shared);
  };
  copy.on("afterTransaction", watch);
  const stateBefore = Y.encodeStateVector(copy);
  try {
    decide(DECIDING);
  } finally {
    copy.off("afterTransaction", watch);
  }
  const forward = Y.encodeStateAsUpdate(copy, stateBefore);
  const taken = beforeUndo();

  const tops = new Set<unknown>([...changed].map((type) => topLevelOf(type, fragment)));
  const wholeAfter = fragment.toString();
  let touched: Touched;
  if (tops.has(fragment) || tops.has(null)) touched = { whole: true, after: wholeAfter, before: wholeBefore };
  else {
    const blocks: BlockState[] = [];
    for (const [id, block] of blocksById(fragment)) {
      if (!tops.has(block)) continue;
      const [client, clock] = id.split(":").map(Number);
      blocks.push({ client, clock, after: block.toString(), before: beforeById.get(id) ?? "" });
    }
    touched = { whole: false, blocks };
  }

  const stateAfter = Y.encodeStateVector(copy);
  undoManager.undo();
  undoManager.destroy();
  const inverse = Y.encodeStateAsUpdate(copy, stateAfter);
  if (fragment.toString() !== wholeBefore) touched = { unrestorable: true };
  return { forward, inverse, touched, taken };
}

export type UndoCheck = { ok: true } | { ok: false; reason: "edited" | "unrestorable" };

/** Do the touched blocks still read as the decision left them? */
export function stillAsDecided(doc: Y.Doc, touched: Touched): UndoCheck {
  if ("unrestorable" in touched) return { ok: false, reason: "unrestorable" };
  const fragment = doc.getXmlFragment(CLAUSE_FRAGMENT);
  if (touched.whole) return fragment.toString() === touched.after ? { ok: true } : { ok: false, reason: "edited" };
  const blocks = blocksById(fragment);
  for (const block of touched.blocks) {
    const now = blocks.get(`${block.client}:${block.clock}`);
    if (!now || now.toString() !== block.after) return { ok: false, reason: "edited" };
  }
  return { ok: true };
}

/** After the inverse is applied: do the touched blocks read exactly as before the decision? */
export function readsAsBefore(doc: Y.Doc, touched: Touched): boolean {
  if ("unrestorable" in touched) return false;
  const fragment = doc.getXmlFragment(CLAUSE_FRAGMENT);
  if (touched.whole) return fragment.toString() === touched.before;
  const blocks = blocksById(fragment);
  return touched.blocks.every((block) => blocks.get(`${block.client}:${block.clock}`)?.toString() === block.before);
}
