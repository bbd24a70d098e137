// Pasted text in suggest mode: line breaks become spaces, since a line break cannot be proposed
// (see suggest-transaction.ts) and refusing a whole paste for one would lose the rest of it.
import { Fragment, type Node, Slice } from "@tiptap/pm/model";

function replaceBreaks(fragment: Fragment): Fragment {
  const nodes: Node[] = [];
  fragment.forEach((node) => {
    if (node.type.name === "hardBreak") nodes.push(node.type.schema.text(" ", node.marks));
    else if (node.isText || node.childCount === 0) nodes.push(node);
    else nodes.push(node.copy(replaceBreaks(node.content)));
  });
  return Fragment.fromArray(nodes);
}

export function withoutLineBreaks(slice: Slice): Slice {
  return new Slice(replaceBreaks(slice.content), slice.openStart, slice.openEnd);
}
