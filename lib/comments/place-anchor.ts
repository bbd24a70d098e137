// Where a new thread's anchor mark is made: on the server, not in the browser.
//
// Why: the anchor is part of the clause's collaborative document, but observers (who mostly
// work through comments) hold read-only connections, and later delegates may only send
// tracked suggestions — neither can write a mark through the socket. So the server marks the
// words itself for every role that may comment: it reads the stored state, marks the range the
// browser sent as Yjs relative positions (which survive concurrent edits), and returns the
// update. The caller stores that update in PostgreSQL in the same transaction as the thread,
// then hands it to the live document through a Hocuspocus DirectConnection on this process's
// instance, which sends it to everyone in the clause (and, with Redis, to other instances).
import * as Y from "yjs";
import { clauseDocumentName } from "@/lib/collab/clause-document-name";
import { loadClauseState } from "@/lib/collab/clause-store";
import { collabInstance } from "@/lib/collab/collab-instance";
import { log } from "@/lib/log";
import type { AnchorRange } from "./anchor-range";
import { type AnchoredThread, anchorThread } from "./anchor-thread";

/** The mark for a new thread on the clause's stored text, or null if the words are gone. */
export async function markAnchor(
  clauseId: string,
  threadId: string,
  range: AnchorRange,
): Promise<AnchoredThread | null> {
  const state = await loadClauseState(clauseId);
  const doc = new Y.Doc();
  try {
    if (state) Y.applyUpdate(doc, state);
    return anchorThread(doc, threadId, range);
  } finally {
    doc.destroy();
  }
}

/**
 * Applies a stored update to the clause's live document, so everyone in the clause gets it now.
 * Nobody is told "failed" if this fails: the update is already durable and every client gets
 * it when the document is next loaded.
 */
export async function applyToLiveClause(clauseId: string, update: Uint8Array): Promise<void> {
  const collab = collabInstance();
  if (!collab) return;
  try {
    const connection = await collab.openDirectConnection(clauseDocumentName(clauseId), { source: "comments" });
    try {
      await connection.transact((document) => Y.applyUpdate(document, update));
    } finally {
      await connection.disconnect();
    }
  } catch (error) {
    log.error({ event: "comments.anchor-live-failed", clauseId, err: error }, "could not apply anchor live");
  }
}
