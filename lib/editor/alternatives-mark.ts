// The alternatives mark: words of a clause that stand as "Alt 1" of a set of options, side by
// side until the chair chooses one (lib/alternatives). The mark holds only the set's id; the
// options, their sponsors and supporters are rows the server keeps. Like brackets, the server
// places and removes it (lib/alternatives/create-alternatives.ts), never the browser:
// - one set per word (a mark of this type excludes another);
// - pasted words never bring the mark along, and proposed words typed inside the passage are
//   not part of it (the guard refuses both, lib/alternatives/check-alternatives.ts).
import { Mark } from "@tiptap/core";
import { Fragment, type Node, Slice } from "@tiptap/pm/model";
import { Plugin, PluginKey, type Transaction } from "@tiptap/pm/state";

import { ALTERNATIVES } from "./schema-names";

export { ALTERNATIVES };

function withoutAlternatives(fragment: Fragment): Fragment {
  const nodes: Node[] = [];
  fragment.forEach((node) => {
    const marks = node.marks.filter((mark) => mark.type.name !== ALTERNATIVES);
    nodes.push(node.isText ? node.mark(marks) : node.copy(withoutAlternatives(node.content)).mark(marks));
  });
  return Fragment.fromArray(nodes);
}

/** Pasted words bring no set; proposed words typed inside one are taken out of it at once. */
function alternativesKeptToAgreedWords(): Plugin {
  return new Plugin({
    key: new PluginKey("alternativesKeptToAgreedWords"),
    props: {
      transformPasted: (slice) => new Slice(withoutAlternatives(slice.content), slice.openStart, slice.openEnd),
    },
    appendTransaction: (transactions: readonly Transaction[], _old, state) => {
      if (!transactions.some((tr) => tr.docChanged)) return null;
      const mark = state.schema.marks[ALTERNATIVES];
      const insertion = state.schema.marks.insertion;
      if (!mark || !insertion) return null;
      let tr: Transaction | null = null;
      state.doc.descendants((node, pos) => {
        if (!node.isText || !insertion.isInSet(node.marks) || !mark.isInSet(node.marks)) return;
        tr ??= state.tr;
        tr.removeMark(pos, pos + node.nodeSize, mark);
      });
      return tr;
    },
  });
}

export const AlternativesMark = Mark.create({
  name: ALTERNATIVES,
  // Drawn around brackets' inner marks but inside a bracket.
  priority: 140,
  inclusive: false,
  spanning: true,

  addAttributes() {
    return {
      id: {
        default: null,
        parseHTML: (element: HTMLElement) => element.getAttribute("data-alternatives-id"),
        renderHTML: (values: Record<string, unknown>) =>
          values.id == null ? {} : { "data-alternatives-id": String(values.id) },
      },
    };
  },

  parseHTML() {
    return [{ tag: "span[data-alternatives-id]" }];
  },

  renderHTML({ HTMLAttributes }) {
    return ["span", { class: "alternatives", title: "Alt 1 of a set of alternatives", ...HTMLAttributes }, 0];
  },

  addProseMirrorPlugins() {
    return [alternativesKeptToAgreedWords()];
  },
});
