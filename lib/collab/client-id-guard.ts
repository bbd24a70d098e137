// Hocuspocus extension: an update is refused — not saved, not applied, logged — if any of its
// structs are written under a Yjs client id that belongs to someone else (client-id-owners.ts).
// It applies to every role, the chair's included, and runs before the suggest-only guard and
// the durable store, so a refused update reaches neither. An update of the id's owner is refused
// too if it writes, at clocks the clause already holds under that id, anything but what is held
// there (rewritten-clocks.ts): two writers under one id, whose second would be silently lost.
import type { Connection, Extension } from "@hocuspocus/server";
import { log } from "@/lib/log";
import { CLAUSE_GUARD_PRIORITY } from "@/lib/proposals/clause-guard";
import { REFUSED_EDIT } from "@/lib/proposals/refused-edit-message";
import { parseClauseDocumentName } from "./clause-document-name";
import type { ClientIdOwners } from "./client-id-owners";
import { clientIdsWrittenIn } from "./client-id-ownership";
import type { CollabContext } from "./collab-context";
import { refusal } from "./refusal";
import { rewrittenClientIds } from "./rewritten-clocks";
import type { SaveOutage } from "./save-until-stored";
import { FOREIGN_CLIENT_ID_NOTICE, SHARED_CLIENT_ID_NOTICE } from "./socket-notices";

const SYNC_STEP_1 = 0;

export const CLIENT_ID_GUARD_PRIORITY = CLAUSE_GUARD_PRIORITY + 10;

function refuse(connection: Connection, notice: string): never {
  // Before the connection closes: the browser drops the edit and reloads instead of resending it.
  connection.sendStateless(JSON.stringify({ type: REFUSED_EDIT, notice }));
  throw refusal(notice);
}

/** `outage`: while PostgreSQL is down, a new id's first update waits like a save (save-until-stored.ts). */
export function clientIdGuard(owners: ClientIdOwners, outage: SaveOutage): Extension {
  return {
    extensionName: "client-id-guard",
    priority: CLIENT_ID_GUARD_PRIORITY,

    async beforeSync({ type, payload, context, document, connection }) {
      if (type === SYNC_STEP_1 || connection.readOnly) return;
      const { user, clauseId } = context as CollabContext;
      let ids: number[];
      try {
        ids = clientIdsWrittenIn(payload);
      } catch (error) {
        // Not a Yjs update at all: Hocuspocus would fail on it anyway; say why, keep nothing.
        log.warn({ event: "collab.refused-update", clauseId, userId: user.id, err: error }, "unreadable update");
        throw refusal("The server could not read your last change.");
      }
      if (ids.length === 0) return;
      // A database failure here is a failure to save, not a verdict: the edit stays unacknowledged.
      const owner = await outage.saveUntilStored(() => owners.ownersOf(clauseId, ids, user.id, document), connection, {
        clauseId,
        userId: user.id,
      });
      const foreign = ids.filter((id) => owner.get(id) !== user.id);
      if (foreign.length > 0) {
        log.warn(
          { event: "collab.refused-client-id", clauseId, userId: user.id, clientIds: foreign },
          "refused an update written under another participant's client id",
        );
        refuse(connection, FOREIGN_CLIENT_ID_NOTICE);
      }
      const rewritten = rewrittenClientIds(payload, document);
      if (rewritten.length > 0) {
        log.warn(
          { event: "collab.refused-rewritten-clocks", clauseId, userId: user.id, clientIds: rewritten },
          "refused an update rewriting words already stored under its client id",
        );
        refuse(connection, SHARED_CLIENT_ID_NOTICE);
      }
    },

    async afterUnloadDocument({ documentName }) {
      const clauseId = parseClauseDocumentName(documentName);
      if (clauseId) owners.forget(clauseId);
    },
  };
}
