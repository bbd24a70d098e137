// Hocuspocus extension: clause text is loaded from PostgreSQL and every incoming update is
// written there before it is applied — so the provider's "synced" means "durable". While
// PostgreSQL is down, updates wait until stored (save-until-stored.ts) and clauses are not opened.
import type { Extension } from "@hocuspocus/server";
import { log } from "@/lib/log";
import { parseClauseDocumentName } from "./clause-document-name";
import { appendClauseUpdate, compactClause, loadClauseState } from "./clause-store";
import type { CollabContext } from "./collab-context";
import { refusal } from "./refusal";
import { CLAUSE_UNAVAILABLE } from "./save-messages";
import { GaveUpSaving, type SaveOutage, saveOutage } from "./save-until-stored";

/** Fold update rows into the snapshot after this many saves to one clause. */
const COMPACT_EVERY = 500;
const SYNC_STEP_1 = 0;

/** Runs after every other extension's beforeSync (guards first, then the save). */
export const DURABLE_STORE_PRIORITY = 10;

/** `outage`: shared with the other extensions that must reach PostgreSQL before an edit is kept. */
export function durableClauseStore(outage: SaveOutage = saveOutage()): Extension {
  const savesSinceCompaction = new Map<string, number>();

  function compactLater(clauseId: string) {
    savesSinceCompaction.set(clauseId, 0);
    compactClause(clauseId).catch((error) =>
      log.error({ event: "persistence.compact-failed", clauseId, err: error }, "compaction failed"),
    );
  }

  return {
    extensionName: "durable-clause-store",
    priority: DURABLE_STORE_PRIORITY,

    async onLoadDocument({ documentName }) {
      const clauseId = parseClauseDocumentName(documentName);
      if (!clauseId) throw new Error(`not a clause document: ${documentName}`);
      // A failed read throws: Hocuspocus then drops the document instead of serving it empty,
      // and the browser is told the clause cannot be opened (it keeps its edits and tries again).
      try {
        return await loadClauseState(clauseId);
      } catch (error) {
        if (outage.noticed(error, { clauseId })) throw refusal(CLAUSE_UNAVAILABLE);
        log.error({ event: "persistence.load-failed", clauseId, err: error }, "could not load clause");
        throw error;
      }
    },

    // Runs before Hocuspocus applies a client's update and before it answers "synced":
    // the update is in PostgreSQL first, or it is not applied at all. During an outage it waits
    // here, holding this connection's later messages behind it, until it is stored.
    async beforeSync({ type, payload, context, connection }) {
      if (type === SYNC_STEP_1 || connection.readOnly) return;
      const { user, clauseId } = context as CollabContext;
      try {
        const stored = await outage.saveUntilStored(() => appendClauseUpdate(clauseId, payload, user.id), connection, {
          clauseId,
          userId: user.id,
        });
        if (!stored) return;
      } catch (error) {
        // Given up (the socket went away): nothing was applied or acknowledged, the browser resends.
        if (!(error instanceof GaveUpSaving))
          log.error({ event: "persistence.save-failed", clauseId, userId: user.id, err: error }, "could not save edit");
        throw error;
      }
      const saves = (savesSinceCompaction.get(clauseId) ?? 0) + 1;
      savesSinceCompaction.set(clauseId, saves);
      if (saves >= COMPACT_EVERY) compactLater(clauseId);
    },

    async onDestroy() {
      outage.stop();
    },

    async afterUnloadDocument({ documentName }) {
      const clauseId = parseClauseDocumentName(documentName);
      if (!clauseId) return;
      if ((savesSinceCompaction.get(clauseId) ?? 0) > 0) compactLater(clauseId);
      savesSinceCompaction.delete(clauseId);
    },
  };
}
