// Puts what a person kept on this device back into their copy of a clause, once the server's
// text has arrived: the kept edits and the fresh time of their own proposals they need
// (lib/editor/suggestions/restamp-proposals.ts) go in one Yjs transaction, so the server
// receives and judges them as one edit. Kept edits made in a session that has since ended
// would otherwise carry times from before the session sending them, which the server refuses.
import * as Y from "yjs";
import type { ClauseModel } from "@/lib/clause-model/clause-model";
import { isClauseUnreadable } from "@/lib/clause-model/clause-unreadable";
import { readFragment } from "@/lib/clause-model/read-clause";
import { CLAUSE_FRAGMENT } from "@/lib/editor/schema-names";
import { restampProposals } from "@/lib/editor/suggestions/restamp-proposals";

export type PutBack = {
  /** Whose kept edits these are. */
  authorId: string;
  /** When the session that sends them began (ms), as the server counts it; null: not known. */
  sessionBegan: number | null;
  /** Marks the transaction: the kept edits are on the device already, and not recorded again. */
  origin: unknown;
  now?: number;
};

function readOrNull(fragment: Y.XmlFragment): ClauseModel | null {
  try {
    return readFragment(fragment);
  } catch (error) {
    if (isClauseUnreadable(error)) return null;
    throw error;
  }
}

/**
 * Applies `kept` to `doc`. Returns false when some of it depends on edits the server never had
 * (it cannot be put back: it would wait for them for ever).
 */
export function putBackKeptEdits(doc: Y.Doc, kept: readonly Uint8Array[], putBack: PutBack): boolean {
  if (kept.length === 0) return true;
  const fragment = doc.getXmlFragment(CLAUSE_FRAGMENT);
  doc.transact(() => {
    const before = readOrNull(fragment);
    for (const update of kept) Y.applyUpdate(doc, update, putBack.origin);
    if (putBack.sessionBegan === null) return;
    try {
      restampProposals(fragment, before, {
        authorId: putBack.authorId,
        staleBefore: putBack.sessionBegan,
        at: new Date(putBack.now ?? Date.now()).toISOString(),
      });
    } catch (error) {
      // Not a clause once put back: the server refuses it, and the person is told which words.
      if (!isClauseUnreadable(error)) throw error;
    }
  }, putBack.origin);
  return doc.store.pendingStructs === null && doc.store.pendingDs === null;
}
