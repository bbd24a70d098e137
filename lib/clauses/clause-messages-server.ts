// Tells everyone in a clause, on every instance, that something about it changed. Only the
// messages the server broadcasts to a whole room; access.changed and refused-edit go to one
// connection and are sent where that connection is judged.
// Delivered as a Hocuspocus stateless message; with REDIS_URL set, the Redis extension carries
// it to the clause's clients on the other instances too.
import { clauseDocumentName } from "@/lib/collab/clause-document-name";
import { collabInstance } from "@/lib/collab/collab-instance";
import { raiseClauseChanged } from "@/lib/live/raise-live";
import { log } from "@/lib/log";
import type { ClauseMessage } from "./clause-messages";

export type RoomMessage = Exclude<ClauseMessage, { type: "access.changed" | "proposals.refused-edit" }>;

export function announceClauseMessage(clauseId: string, message: RoomMessage): void {
  // The clause list and headers elsewhere follow the same facts (lib/live), on every instance.
  raiseClauseChanged(clauseId);
  const document = collabInstance()?.documents.get(clauseDocumentName(clauseId));
  if (!document) return; // nobody has the clause open on this instance
  try {
    document.broadcastStateless(JSON.stringify(message));
  } catch (error) {
    log.warn({ event: "collab.announce-failed", clauseId, err: error }, "could not announce clause event");
  }
}
