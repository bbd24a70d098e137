// Tells everyone in a clause that something about it changed (a thread, a proposal, …).
// PostgreSQL stays the source of truth: the message only says what to reload.
// Delivered as a Hocuspocus stateless message; with REDIS_URL set, the Redis extension
// carries it to the clause's clients on the other instances too.
import { log } from "@/lib/log";
import { clauseDocumentName } from "./clause-document-name";
import { collabInstance } from "./collab-instance";

export type ClauseEvent = { type: string; [key: string]: unknown };

export function announceClauseEvent(clauseId: string, event: ClauseEvent): void {
  const document = collabInstance()?.documents.get(clauseDocumentName(clauseId));
  if (!document) return; // nobody has the clause open on this instance
  try {
    document.broadcastStateless(JSON.stringify(event));
  } catch (error) {
    log.warn({ event: "collab.announce-failed", clauseId, err: error }, "could not announce clause event");
  }
}
