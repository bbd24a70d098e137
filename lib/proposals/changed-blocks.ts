// The blocks an edit touched, with one unchanged neighbour on each side: enough to judge it,
// since a proposed paragraph break is read across the boundary between two blocks.
import type { Node } from "@tiptap/pm/model";

export function changedBlocks(
  before: readonly Node[],
  after: readonly Node[],
): { before: Node[]; after: Node[] } | null {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before[endBefore - 1] === after[endAfter - 1]) {
    endBefore--;
    endAfter--;
  }
  if (start === endBefore && start === endAfter) return null;
  const from = Math.max(0, start - 1);
  return {
    before: before.slice(from, Math.min(before.length, endBefore + 1)),
    after: after.slice(from, Math.min(after.length, endAfter + 1)),
  };
}
