// The blocks an edit touched, with one unchanged neighbour on each side: enough to judge it,
// since a proposed paragraph break is read across the boundary between two blocks. When the
// edit is inside one container (a numbered list, a list item) whose first and last children it
// left alone, the range is looked for among that container's children instead — so a keystroke
// in a long list is judged on its own item and two neighbours, not on the whole list. Relies on
// the clause reader keeping unchanged elements as the very same objects (clause-reader.ts).
import { type ClauseNode, childrenOf } from "@/lib/clause-model/clause-model";

export type ChangedBlocks = {
  before: ClauseNode[];
  after: ClauseNode[];
  /** The nodes are the clause's own top-level blocks, not the children of a container. */
  atTop: boolean;
};

function sameShell(a: ClauseNode, b: ClauseNode): boolean {
  if (a.type !== b.type) return false;
  if (a.type === "orderedList" && b.type === "orderedList") return a.start === b.start && a.numbering === b.numbering;
  // A paragraph whose status changed is judged as a whole (lib/paragraph-status/judge-locks.ts).
  if (a.type === "listItem" && b.type === "listItem") return a.status === b.status;
  return true;
}

function narrow(before: readonly ClauseNode[], after: readonly ClauseNode[], atTop: boolean): ChangedBlocks | null {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before[endBefore - 1] === after[endAfter - 1]) {
    endBefore--;
    endAfter--;
  }
  if (start === endBefore && start === endAfter) return null;
  if (endBefore - start === 1 && endAfter - start === 1) {
    const [was, now] = [before[start], after[start]];
    if (was.type !== "paragraph" && sameShell(was, now)) {
      const [inWas, inNow] = [childrenOf(was), childrenOf(now)];
      const edgesKept = inWas.length > 0 && inWas[0] === inNow[0] && inWas.at(-1) === inNow.at(-1);
      if (edgesKept) return narrow(inWas, inNow, false);
    }
  }
  const from = Math.max(0, start - 1);
  return {
    before: before.slice(from, Math.min(before.length, endBefore + 1)),
    after: after.slice(from, Math.min(after.length, endAfter + 1)),
    atTop,
  };
}

export function changedBlocks(before: readonly ClauseNode[], after: readonly ClauseNode[]): ChangedBlocks | null {
  return narrow(before, after, true);
}
