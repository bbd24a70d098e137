// A following screen receives no presence: nobody's caret or name is sent to it. Hocuspocus sends
// awareness to every connection of a document (one encoded buffer for all), so a follower's
// connection drops awareness messages at its own door — before anything is written to its socket.
// The check reads two numbers of a buffer that a broadcast shares between every connection, once
// per buffer, so a thousand followers cost one decoding, not a thousand.
import type { Connection, Document } from "@hocuspocus/server";
import * as decoding from "lib0/decoding";
import type { CollabContext } from "@/lib/collab/collab-context";

/** y-protocols' awareness message type, as Hocuspocus writes it after the document's address. */
const AWARENESS = 1;

let lastMessage: Uint8Array | null = null;
let lastWasAwareness = false;

function isAwareness(message: Uint8Array): boolean {
  if (message === lastMessage) return lastWasAwareness;
  let awareness = false;
  try {
    const decoder = decoding.createDecoder(message);
    decoding.readVarString(decoder);
    awareness = decoding.readVarUint(decoder) === AWARENESS;
  } catch {
    awareness = false;
  }
  lastMessage = message;
  lastWasAwareness = awareness;
  return awareness;
}

function silence(connection: Connection): void {
  const send = connection.send.bind(connection);
  connection.send = (message: Uint8Array) => {
    if (!isAwareness(message)) send(message);
  };
}

/**
 * Makes every follower that joins `document` silent before Hocuspocus sends it the document's
 * current presence (which it does while the connection is being made).
 */
export function silenceFollowersOf(document: Document): void {
  const add = document.addConnection.bind(document);
  document.addConnection = (connection: Connection) => {
    if ((connection.context as CollabContext | undefined)?.following) silence(connection);
    return add(connection);
  };
}
