// Shows the words a new comment is being written about while its composer is open (the real
// anchor mark is placed by the server when the comment is posted). A decoration, not a mark:
// it is local to this browser and never enters the shared document.
import { Extension } from "@tiptap/core";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";

export const pendingCommentKey = new PluginKey<DecorationSet>("pendingComment");

type Meta = { range: { from: number; to: number } } | { clear: true };

export const PendingComment = Extension.create({
  name: "pendingComment",
  addProseMirrorPlugins() {
    return [
      new Plugin<DecorationSet>({
        key: pendingCommentKey,
        state: {
          init: () => DecorationSet.empty,
          apply(tr, set) {
            const meta = tr.getMeta(pendingCommentKey) as Meta | undefined;
            if (meta && "clear" in meta) return DecorationSet.empty;
            if (meta && "range" in meta) {
              const { from, to } = meta.range;
              return DecorationSet.create(tr.doc, [
                Decoration.inline(from, to, { class: "comment-anchor-pending", "data-testid": "pending-comment" }),
              ]);
            }
            return set.map(tr.mapping, tr.doc);
          },
        },
        props: { decorations: (state) => pendingCommentKey.getState(state) },
      }),
    ];
  },
});
