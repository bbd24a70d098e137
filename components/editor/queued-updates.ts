// While the socket is down the provider queues every edit as its own message and, once
// reconnected, sends them before the handshake that carries them all again. The first of their
// acknowledgements would then read as "everything is stored" while the rest are on their way.
// Dropping the queued copies leaves the handshake's one message, acknowledged once stored.
import type { HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import * as decoding from "lib0/decoding";

/** Hocuspocus' message type of document sync (updates and handshakes). */
const SYNC_MESSAGE = 0;

function isSyncOf(message: unknown, documentName: string): boolean {
  if (!(message instanceof Uint8Array)) return false;
  try {
    const decoder = decoding.createDecoder(message);
    return decoding.readVarString(decoder) === documentName && decoding.readVarUint(decoder) === SYNC_MESSAGE;
  } catch {
    return false;
  }
}

export function dropQueuedUpdates(socket: HocuspocusProviderWebsocket, documentName: string): void {
  // The queue is the provider's own; it has no public way to filter it.
  const queued = socket as unknown as { messageQueue: unknown[] };
  queued.messageQueue = queued.messageQueue.filter((message) => !isSyncOf(message, documentName));
}
