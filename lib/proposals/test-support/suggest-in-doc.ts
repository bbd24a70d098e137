// Makes a suggest-mode edit on a clause's Yjs document exactly as the browser does: the edit
// as a ProseMirror transaction, turned into proposals by the suggest transform, written to the
// Yjs text through the editor's binding (y-tiptap). For Node tests with real providers.
import { randomUUID } from "node:crypto";
import type { Node } from "@tiptap/pm/model";
import { EditorState, type Transaction } from "@tiptap/pm/state";
import { initProseMirrorDoc, updateYFragment } from "@tiptap/y-tiptap";
import type * as Y from "yjs";
import { CLAUSE_FRAGMENT, clauseSchema } from "@/lib/editor/extensions";
import type { ProposalAuthor } from "@/lib/editor/suggestions/proposal-author";
import { suggestTransaction } from "@/lib/editor/suggestions/suggest-transaction";

/** Position just before the first occurrence of `words` in the clause. */
export function positionOf(doc: Node, words: string): number {
  let found = -1;
  doc.descendants((node, pos) => {
    if (found >= 0) return false;
    const index = node.isText ? (node.text ?? "").indexOf(words) : -1;
    if (index >= 0) found = pos + index;
    return found < 0;
  });
  if (found < 0) throw new Error(`"${words}" is not in the clause`);
  return found;
}

/** Applies `edit` in suggest mode as `author`, stamped `at`. Returns the ids of the proposals it made. */
export function suggestInDoc(
  doc: Y.Doc,
  author: ProposalAuthor,
  edit: (tr: Transaction, root: Node) => void,
  at = () => new Date().toISOString(),
): string[] {
  const fragment = doc.getXmlFragment(CLAUSE_FRAGMENT);
  const { doc: root, meta } = initProseMirrorDoc(fragment, clauseSchema);
  const state = EditorState.create({ doc: root, schema: clauseSchema });
  const tr = state.tr;
  edit(tr, root);
  const made: string[] = [];
  const result = suggestTransaction(tr, state, {
    author,
    now: at,
    newId: () => {
      const id = randomUUID();
      made.push(id);
      return id;
    },
  });
  if (!result.ok) throw new Error(result.reason);
  const next = state.apply(result.transaction).doc;
  doc.transact(() => updateYFragment(doc, fragment, next, meta));
  return made;
}
