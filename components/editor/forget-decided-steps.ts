// Undo after a decision: once the chair accepts or rejects one of this person's proposals (or
// its words are gone another way, by someone else's hand), the steps that made it are no longer
// theirs to undo — undoing an accepted insertion would delete agreed words, a rejected one
// leaves nothing to undo. When a change from elsewhere takes away one of their proposals, the
// undo and redo steps are dropped, so Undo is not offered for what it can no longer do.
import { Extension } from "@tiptap/core";
import type { Node } from "@tiptap/pm/model";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import { ySyncPluginKey, yUndoPluginKey } from "@tiptap/y-tiptap";
import type * as Y from "yjs";
import { authorOfMark, isSuggestionMarkName } from "@/lib/editor/suggestions/proposal-author";

/** Ids of the proposals in the text written by `authorId`. */
export function proposalIdsOf(doc: Node, authorId: string): Set<string> {
  const ids = new Set<string>();
  doc.descendants((node) => {
    for (const mark of node.marks) {
      if (isSuggestionMarkName(mark.type.name) && authorOfMark(mark.attrs)?.authorId === authorId) {
        ids.add(String(mark.attrs.id));
      }
    }
    return true;
  });
  return ids;
}

const key = new PluginKey<{ lost: boolean }>("forgetDecidedSteps");

export const ForgetDecidedSteps = Extension.create<{ authorId: string | null; doc: Y.Doc | null }>({
  name: "forgetDecidedSteps",
  addOptions() {
    return { authorId: null, doc: null };
  },
  addProseMirrorPlugins() {
    const { authorId, doc } = this.options;
    if (!authorId || !doc) return [];
    // Whether the Yjs change being applied came from the server (others, decisions) or from this
    // browser — a withdrawal here is this person's own step, which Ctrl+Z brings back.
    let fromServer = false;
    const onChange = (transaction: Y.Transaction) => {
      fromServer = !transaction.local;
    };
    doc.on("beforeObserverCalls", onChange);
    return [
      new Plugin({
        key,
        state: {
          init: () => ({ lost: false }),
          apply(tr, _value, before, after) {
            const fromYjs = (tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined)?.isChangeOrigin;
            if (!tr.docChanged || !fromYjs || !fromServer) return { lost: false };
            const mine = proposalIdsOf(before.doc, authorId);
            if (mine.size === 0) return { lost: false };
            const still = proposalIdsOf(after.doc, authorId);
            return { lost: [...mine].some((id) => !still.has(id)) };
          },
        },
        view: () => ({
          destroy: () => doc.off("beforeObserverCalls", onChange),
          update(view) {
            if (!key.getState(view.state)?.lost) return;
            const undo = yUndoPluginKey.getState(view.state)?.undoManager;
            if (!undo || undo.undoStack.length + undo.redoStack.length === 0) return;
            undo.clear();
            // Tell the toolbar (it reads the undo state on each transaction).
            queueMicrotask(() => {
              if (!view.isDestroyed) view.dispatch(view.state.tr.setMeta("addToHistory", false));
            });
          },
        }),
      }),
    ];
  },
});
