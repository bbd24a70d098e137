// The square-bracket mark: words a delegation has reserved, not yet agreed (lib/brackets). It
// carries who placed it (delegation and person), when, and why, and is drawn as `[ … ]` with the
// delegation's code by CSS (app/globals.css) — the brackets are never characters in the text.
// Brackets are placed and removed by the server (lib/brackets/place-bracket.ts), never typed:
// - `excludes: ""`: several delegations may bracket the same words (y-tiptap then stores each
//   under `bracket--<hash>`, which lib/clause-model/read-runs.ts expects);
// - words typed as a proposal inside a bracket are not bracketed (a bracket covers agreed words
//   only), and pasted words never bring a bracket along.
import { Mark, mergeAttributes } from "@tiptap/core";
import { Fragment, type Node, Slice } from "@tiptap/pm/model";
import { Plugin, PluginKey, type Transaction } from "@tiptap/pm/state";

import { BRACKET, BRACKET_ATTRS } from "./schema-names";

export { BRACKET, BRACKET_ATTRS };

const DATA_NAMES: Record<(typeof BRACKET_ATTRS)[number], string> = {
  id: "bracket-id",
  organizationId: "bracket-organization-id",
  organizationCode: "bracket-code",
  personId: "bracket-person-id",
  personName: "bracket-person",
  at: "bracket-at",
  note: "bracket-note",
};

function withoutBrackets(fragment: Fragment): Fragment {
  const nodes: Node[] = [];
  fragment.forEach((node) => {
    const marks = node.marks.filter((mark) => mark.type.name !== BRACKET);
    nodes.push(node.isText ? node.mark(marks) : node.copy(withoutBrackets(node.content)).mark(marks));
  });
  return Fragment.fromArray(nodes);
}

/** Where the transactions wrote, in the final document (only there can new words have come). */
function changedRanges(transactions: readonly Transaction[]): [number, number][] {
  let ranges: [number, number][] = [];
  for (const tr of transactions) {
    if (!tr.docChanged) continue;
    ranges = ranges.map(([from, to]) => [tr.mapping.map(from, -1), tr.mapping.map(to, 1)]);
    tr.mapping.maps.forEach((map, index) => {
      const rest = tr.mapping.slice(index + 1);
      map.forEach((_oldStart, _oldEnd, newStart, newEnd) => {
        ranges.push([rest.map(newStart, -1), rest.map(newEnd, 1)]);
      });
    });
  }
  return ranges;
}

/** Pasted words bring no bracket; proposed words typed inside a bracket are not bracketed. */
export function bracketsKeptToAgreedWords(): Plugin {
  return new Plugin({
    key: new PluginKey("bracketKeptToAgreedWords"),
    props: {
      transformPasted: (slice) => new Slice(withoutBrackets(slice.content), slice.openStart, slice.openEnd),
    },
    // Proposed words typed inside a bracket would inherit it: take it off them at once, in
    // the same update, so the server never sees a bracket on proposed words from this editor.
    appendTransaction: (transactions, _old, state) => {
      if (!transactions.some((tr) => tr.docChanged)) return null;
      const bracket = state.schema.marks[BRACKET];
      const insertion = state.schema.marks.insertion;
      if (!bracket || !insertion) return null;
      let tr: Transaction | null = null;
      for (const [from, to] of changedRanges(transactions)) {
        state.doc.nodesBetween(from, Math.min(to, state.doc.content.size), (node, pos) => {
          if (!node.isText || !insertion.isInSet(node.marks)) return;
          for (const mark of node.marks) {
            if (mark.type !== bracket) continue;
            tr ??= state.tr;
            tr.removeMark(pos, pos + node.nodeSize, mark);
          }
        });
      }
      return tr;
    },
  });
}

export const BracketMark = Mark.create({
  name: BRACKET,
  // Ranked before the other marks, so a bracket is drawn as one span around formatting,
  // comment anchors and proposals inside it.
  priority: 150,
  excludes: "",
  inclusive: false,
  spanning: true,

  addAttributes() {
    return Object.fromEntries(
      BRACKET_ATTRS.map((key) => [
        key,
        {
          default: null,
          parseHTML: (element: HTMLElement) => element.getAttribute(`data-${DATA_NAMES[key]}`),
          renderHTML: (values: Record<string, unknown>) =>
            values[key] == null ? {} : { [`data-${DATA_NAMES[key]}`]: String(values[key]) },
        },
      ]),
    );
  },

  parseHTML() {
    return [{ tag: "span[data-bracket-id]" }];
  },

  renderHTML({ HTMLAttributes }) {
    const code = HTMLAttributes["data-bracket-code"];
    return [
      "span",
      mergeAttributes(
        { class: "bracket", title: typeof code === "string" ? `Bracketed by ${code}` : "" },
        HTMLAttributes,
      ),
      0,
    ];
  },

  addProseMirrorPlugins() {
    return [bracketsKeptToAgreedWords()];
  },
});
