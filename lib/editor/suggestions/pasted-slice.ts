// What a paste brings into a clause. Proposal marks do not travel: words copied from a proposal
// are plain words where they land (a proposal of the paster's own while suggesting, agreed text
// when the chair edits directly), never someone else's proposal with their name on it. Line
// breaks become spaces while suggesting, since a line break cannot be proposed (see
// suggest-transaction.ts) and refusing a whole paste for one would lose the rest of it.
// Invisible characters (zero-width, text-direction controls) are dropped: the server refuses
// them in the words (lib/clause-model/invisible-characters.ts).
import { Fragment, type Node, Slice } from "@tiptap/pm/model";
import { withoutInvisible } from "@/lib/clause-model/invisible-characters";
import { isSuggestionMarkName } from "./proposal-author";

function clean(fragment: Fragment, suggesting: boolean): Fragment {
  const nodes: Node[] = [];
  fragment.forEach((node) => {
    const marks = node.marks.filter((mark) => !isSuggestionMarkName(mark.type.name));
    if (suggesting && node.type.name === "hardBreak") nodes.push(node.type.schema.text(" ", marks));
    else if (node.isText) {
      const text = withoutInvisible(node.text ?? "");
      if (text) nodes.push(node.type.schema.text(text, marks));
    } else nodes.push(node.type.create(pastedAttrs(node), clean(node.content, suggesting), marks));
  });
  return Fragment.fromArray(nodes);
}

/** A pasted paragraph is new text: it is not agreed because the copied one was (lib/paragraph-status). */
function pastedAttrs(node: Node): Node["attrs"] {
  return node.type.name === "listItem" && node.attrs.status ? { ...node.attrs, status: null } : node.attrs;
}

export function pastedSlice(slice: Slice, { suggesting }: { suggesting: boolean }): Slice {
  return new Slice(clean(slice.content, suggesting), slice.openStart, slice.openEnd);
}
