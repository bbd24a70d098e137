// The blocks an edit touched, with one unchanged neighbour on each side: enough to judge it,
// since a proposed paragraph break is read across the boundary between two blocks. When the
// edit is inside one container (a numbered list) whose first and last items it left alone, the
// range is looked for among that container's items instead — so a keystroke in a long list is
// judged on its own item and two neighbours, not on the whole list.
import type { Node } from "@tiptap/pm/model";

export type ChangedBlocks = {
  before: Node[];
  after: Node[];
  /** The blocks are the clause's own top-level blocks, not the items of a container. */
  atTop: boolean;
};

function children(node: Node): Node[] {
  const list: Node[] = [];
  node.forEach((child) => {
    list.push(child);
  });
  return list;
}

function sameShell(a: Node, b: Node): boolean {
  return a.type === b.type && JSON.stringify(a.attrs) === JSON.stringify(b.attrs);
}

function narrow(before: readonly Node[], after: readonly Node[], atTop: boolean): ChangedBlocks | null {
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
    if (!was.isTextblock && !was.isLeaf && sameShell(was, now)) {
      const [inWas, inNow] = [children(was), children(now)];
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

export function changedBlocks(before: readonly Node[], after: readonly Node[]): ChangedBlocks | null {
  return narrow(before, after, true);
}
