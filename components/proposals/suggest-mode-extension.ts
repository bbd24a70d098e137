// The editor's suggest mode: while on, every local edit goes through the suggest transform and
// becomes a proposal attributed to this person's delegation; while off (the chair editing
// directly), what is typed is agreed text, never part of someone's proposal. Remote updates and undo/redo (both
// arrive from Yjs) are never transformed — turning them into proposals is the classic bug.
import { suggestChanges } from "@handlewithcare/prosemirror-suggest-changes";
import { Extension } from "@tiptap/core";
import { Plugin } from "@tiptap/pm/state";
import { ySyncPluginKey } from "@tiptap/y-tiptap";
import { CITATION_META } from "@/lib/agreed-language/citation-meta";
import { asDirectEdit } from "@/lib/editor/suggestions/direct-edit";
import { pastedSlice } from "@/lib/editor/suggestions/pasted-slice";
import type { ProposalAuthor } from "@/lib/editor/suggestions/proposal-author";
import { suggestTransaction } from "@/lib/editor/suggestions/suggest-transaction";

export type SuggestModeOptions = {
  author: ProposalAuthor | null;
  /** Read on every transaction, so switching modes needs no new editor. */
  isSuggesting: () => boolean;
  onRefused: (reason: string) => void;
};

export const SuggestMode = Extension.create<SuggestModeOptions>({
  name: "suggestMode",

  addOptions() {
    return { author: null, isSuggesting: () => false, onRefused: () => {} };
  },

  // Above the line-break shortcut (priority 100), so Shift+Enter can be taken over.
  priority: 110,

  // The library's plugin draws paragraph-edge proposals and skips its zero-width anchors.
  // Pastes lose their proposal marks (and, while suggesting, their line breaks): pasted-slice.ts.
  addProseMirrorPlugins() {
    const { isSuggesting } = this.options;
    return [
      suggestChanges(),
      new Plugin({
        props: {
          transformPasted: (slice) => pastedSlice(slice, { suggesting: isSuggesting() }),
          handleDOMEvents: {
            // Tab would indent a list item, which cannot be proposed: while suggesting it moves
            // the focus on, as in any form, instead of being refused. Returning true keeps the
            // editor's keymaps out without preventing the browser's own move.
            keydown: (_view, event) =>
              isSuggesting() && event.key === "Tab" && !event.ctrlKey && !event.metaKey && !event.altKey,
          },
        },
      }),
    ];
  },

  // Shift+Enter would make a line break, which cannot be proposed: propose a new paragraph.
  addKeyboardShortcuts() {
    return {
      "Shift-Enter": () => this.options.isSuggesting() && this.editor.commands.keyboardShortcut("Enter"),
    };
  },

  dispatchTransaction({ transaction, next }) {
    const { author, isSuggesting, onRefused } = this.options;
    const sync = transaction.getMeta(ySyncPluginKey) as
      | { isChangeOrigin?: boolean; isUndoRedoOperation?: boolean }
      | undefined;
    const local =
      transaction.docChanged &&
      // Commands captured for a chain are transformed once, when the chain dispatches.
      !this.editor.isCapturingTransaction &&
      !sync?.isChangeOrigin &&
      !sync?.isUndoRedoOperation &&
      !transaction.getMeta("y-sync$")?.isChangeOrigin;
    if (!local) return next(transaction);
    // Editing directly: what is typed is agreed text, even inside someone's proposal.
    if (!author || !isSuggesting()) return next(asDirectEdit(transaction));
    const result = suggestTransaction(transaction, this.editor.state, {
      author,
      now: () => new Date().toISOString(),
      newId: () => crypto.randomUUID(),
      // A passage from the library of agreed language carries its entry's id (insert-passage.ts).
      citation: transaction.getMeta(CITATION_META) as string | undefined,
    });
    if (result.ok) next(result.transaction);
    else onRefused(result.reason);
  },
});
