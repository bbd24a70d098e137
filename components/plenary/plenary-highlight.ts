"use client";
// Shows the chair's view on a following screen: the paragraph in focus and the selected words,
// as decorations (the screen is read-only, so there is no selection of its own to use). They move
// with the text as it changes, until the chair's next view replaces them.
import { Extension } from "@tiptap/core";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";

export type Highlight = { focus: number | null; from: number | null; to: number | null };

export const plenaryHighlightKey = new PluginKey<DecorationSet>("plenary-highlight");

function decorations(doc: import("@tiptap/pm/model").Node, { focus, from, to }: Highlight): DecorationSet {
  const found: Decoration[] = [];
  if (focus !== null && focus < doc.childCount) {
    let pos = 0;
    for (let i = 0; i < focus; i++) pos += doc.child(i).nodeSize;
    found.push(Decoration.node(pos, pos + doc.child(focus).nodeSize, { class: "plenary-focus" }));
  }
  if (from !== null && to !== null && from !== to) {
    const [start, end] = from < to ? [from, to] : [to, from];
    found.push(
      Decoration.inline(Math.max(0, start), Math.min(doc.content.size, end), {
        class: "plenary-selection",
        "data-testid": "plenary-selection",
      }),
    );
  }
  return DecorationSet.create(doc, found);
}

export const PlenaryHighlight = Extension.create({
  name: "plenaryHighlight",
  addProseMirrorPlugins() {
    return [
      new Plugin<DecorationSet>({
        key: plenaryHighlightKey,
        state: {
          init: () => DecorationSet.empty,
          apply(tr, previous) {
            const next = tr.getMeta(plenaryHighlightKey) as Highlight | undefined;
            return next ? decorations(tr.doc, next) : previous.map(tr.mapping, tr.doc);
          },
        },
        props: { decorations: (state) => plenaryHighlightKey.getState(state) },
      }),
    ];
  },
});
