// The collaboration server: Hocuspocus with our doors (authentication), durable saves and
// server-decided presence. Created once per process by server.ts (and by tests).
import { type Extension, Hocuspocus } from "@hocuspocus/server";
import { log } from "@/lib/log";
import { authenticateConnection } from "./authenticate-connection";
import { parseClauseDocumentName } from "./clause-document-name";
import { appendClauseUpdate, compactClause, loadClauseState } from "./clause-store";
import type { CollabContext } from "./collab-context";

/** Fold update rows into the snapshot after this many saves to one clause. */
const COMPACT_EVERY = 500;

const SYNC_STEP_1 = 0;

export function createCollabServer(extensions: Extension[] = []): Hocuspocus {
  const savesSinceCompaction = new Map<string, number>();

  function compactLater(clauseId: string) {
    savesSinceCompaction.set(clauseId, 0);
    compactClause(clauseId).catch((error) =>
      log.error({ event: "persistence.compact-failed", clauseId, err: error }, "compaction failed"),
    );
  }

  return new Hocuspocus({
    name: "clausework",
    // Nothing is debounced: every update is durable before it is acknowledged (beforeSync).
    unloadImmediately: true,
    extensions,

    async onAuthenticate(data) {
      return authenticateConnection(data);
    },

    async onLoadDocument({ documentName }) {
      const clauseId = parseClauseDocumentName(documentName);
      if (!clauseId) throw new Error(`not a clause document: ${documentName}`);
      // A failed read throws: Hocuspocus then drops the document instead of serving it empty.
      try {
        return await loadClauseState(clauseId);
      } catch (error) {
        log.error({ event: "persistence.load-failed", clauseId, err: error }, "could not load clause");
        throw error;
      }
    },

    // Runs before Hocuspocus applies a client's update and before it answers "synced":
    // the update is in PostgreSQL first, or it is not applied at all.
    async beforeSync({ type, payload, context, connection }) {
      if (type === SYNC_STEP_1 || connection.readOnly) return;
      const { user, clauseId } = context as CollabContext;
      try {
        const stored = await appendClauseUpdate(clauseId, payload, user.id);
        if (!stored) return;
      } catch (error) {
        log.error({ event: "persistence.save-failed", clauseId, userId: user.id, err: error }, "could not save edit");
        throw error;
      }
      const saves = (savesSinceCompaction.get(clauseId) ?? 0) + 1;
      savesSinceCompaction.set(clauseId, saves);
      if (saves >= COMPACT_EVERY) compactLater(clauseId);
    },

    // Names and colours on carets come from the server's idea of who is connected.
    async beforeHandleAwareness({ context, states }) {
      const user = (context as CollabContext | undefined)?.user;
      if (!user) return;
      for (const state of states.values()) {
        if (!state.user) continue;
        state.user = {
          id: user.id,
          name: user.name,
          color: user.colour,
          organizationCode: user.organizationCode,
          organizationName: user.organizationName,
        };
      }
    },

    async afterUnloadDocument({ documentName }) {
      const clauseId = parseClauseDocumentName(documentName);
      if (clauseId && (savesSinceCompaction.get(clauseId) ?? 0) > 0) compactLater(clauseId);
      if (clauseId) savesSinceCompaction.delete(clauseId);
    },

    async onDisconnect({ context }) {
      const ctx = context as CollabContext | undefined;
      if (ctx?.user)
        log.info({ event: "collab.disconnected", userId: ctx.user.id, clauseId: ctx.clauseId }, "socket closed");
    },
  });
}
