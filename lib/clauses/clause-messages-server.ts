// Tells everyone in a clause, on every instance, that something about it changed. Only the
// messages the server broadcasts to a whole room; access.changed and refused-edit go to one
// connection and are sent where that connection is judged.
import { announceClauseEvent } from "@/lib/collab/announce-clause-event";
import type { ClauseMessage } from "./clause-messages";

export type RoomMessage = Exclude<ClauseMessage, { type: "access.changed" | "proposals.refused-edit" }>;

export function announceClauseMessage(clauseId: string, message: RoomMessage): void {
  announceClauseEvent(clauseId, message);
}
