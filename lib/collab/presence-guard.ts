// Hocuspocus extension: presence (Yjs awareness) is the server's. A connection may set only the
// states of its own client ids — at most MAX_STATES of them, each owned by its person
// (client-id-owners.ts: announcing an id claims it, as writing under it does) — and each state
// carries only the server's idea of who is connected (name, delegation, colour) and a caret.
// Anything else in the message is dropped before Hocuspocus applies or relays it.
//
// Why here: Hocuspocus 4 decodes each inbound awareness message into a scratch map, awaits this
// hook, and applies and broadcasts only what the map holds afterwards (MessageReceiver.ts), so
// a state deleted here is never stored, relayed to other clients or published to Redis.
// A removal (a null state) is dropped by that scratch decoding too, so no browser can remove
// another's state. States go when their connection goes: Hocuspocus removes the states a
// connection added when it closes, and this guard announces the connection's ids to the other
// instances (presence-departures.ts), which remove them for their own browsers.
import type { Connection, Document, Extension, Hocuspocus } from "@hocuspocus/server";
import { removeAwarenessStates } from "y-protocols/awareness";
import { log } from "@/lib/log";
import type { ClientIdOwners } from "./client-id-owners";
import type { CollabContext } from "./collab-context";
import type { Departure, PresenceDepartures } from "./presence-departures";

/** A caret and selection with a name needs a few hundred bytes; 4 KB leaves room, not a megabyte. */
export const MAX_STATE_BYTES = 4096;
/** One tab publishes one state; a reload or a second tab on the same socket, one or two more. */
export const MAX_STATES = 3;

type State = Record<string, unknown>;

function isRelativePosition(value: unknown): boolean {
  if (typeof value !== "object" || value === null) return false;
  const { item, type, tname, assoc, ...rest } = value as Record<string, unknown>;
  const isId = (id: unknown) =>
    id === undefined ||
    id === null ||
    (typeof id === "object" &&
      typeof (id as { client?: unknown }).client === "number" &&
      typeof (id as { clock?: unknown }).clock === "number");
  return (
    Object.keys(rest).length === 0 &&
    isId(item) &&
    isId(type) &&
    (tname === undefined || tname === null || typeof tname === "string") &&
    (assoc === undefined || typeof assoc === "number")
  );
}

/** The caret as y-tiptap publishes it (`{ anchor, head }` relative positions), or null. */
function caretOf(state: State): unknown {
  const cursor = state.cursor as { anchor?: unknown; head?: unknown } | null | undefined;
  if (typeof cursor !== "object" || cursor === null) return null;
  return isRelativePosition(cursor.anchor) && isRelativePosition(cursor.head)
    ? { anchor: cursor.anchor, head: cursor.head }
    : null;
}

function stampedState(ctx: CollabContext, state: State): State {
  const { user } = ctx;
  return {
    user: {
      id: user.id,
      name: user.name,
      color: user.colour,
      organizationCode: user.organizationCode,
      organizationName: user.organizationName,
    },
    cursor: caretOf(state),
  };
}

/** The origin of removals announced by another instance. */
const DEPARTED_ELSEWHERE = "presence-departed-elsewhere";

export function presenceGuard(owners: ClientIdOwners, departures: PresenceDepartures | null = null): Extension {
  /** The client ids whose presence each connection publishes, bound on first announcement. */
  const boundIds = new WeakMap<Connection, Set<number>>();
  let instance: Hocuspocus | null = null;

  /** Ids some other open connection of this document publishes (the same tab, reconnected). */
  const heldElsewhere = (document: Document, except?: Connection) => {
    const held = new Set<number>();
    for (const other of document.getConnections()) {
      if (other !== except) for (const id of boundIds.get(other) ?? []) held.add(id);
    }
    return held;
  };

  /** On this instance, a connection closed: tell the others which states went, at which clock. */
  const departed = (connection: Connection, document: Document) => {
    const held = heldElsewhere(document, connection);
    const gone: Departure[] = [];
    for (const clientId of boundIds.get(connection) ?? []) {
      const clock = document.awareness.meta.get(clientId)?.clock;
      if (clock !== undefined && !held.has(clientId)) gone.push({ clientId, clock });
    }
    departures?.announce(document.name, gone);
  };

  /**
   * Another instance's connection closed. Its states go here too, unless they are newer than
   * the ones that closed (the tab reconnected elsewhere and moved its caret since) or a
   * connection here publishes them (it reconnected here).
   */
  const departedElsewhere = (documentName: string, gone: Departure[]) => {
    const document = instance?.documents.get(documentName);
    if (!document) return;
    const held = heldElsewhere(document);
    const { states, meta } = document.awareness;
    const ids = gone
      .filter(({ clientId }) => states.has(clientId) && !held.has(clientId))
      .filter(({ clientId, clock }) => (meta.get(clientId)?.clock ?? 0) <= clock)
      .map(({ clientId }) => clientId);
    // Hocuspocus relays the removal to this instance's browsers.
    if (ids.length > 0) removeAwarenessStates(document.awareness, ids, DEPARTED_ELSEWHERE);
  };

  return {
    extensionName: "presence-guard",

    async onConfigure({ instance: configured }) {
      instance = configured;
      await departures?.listen(departedElsewhere);
    },

    async connected({ connection }) {
      connection.onClose((document) => departed(connection, document));
    },

    async onDestroy() {
      await departures?.stop();
    },

    async beforeHandleAwareness({ connection, context, states, document }) {
      const ctx = context as CollabContext | undefined;
      // Hocuspocus' scratch decoding adds a state of its own, empty: an empty state says nothing.
      for (const [id, state] of states) if (Object.keys(state).length === 0) states.delete(id);
      // From another instance through Redis: judged and stamped there.
      if (!connection || !ctx?.user) return;

      const mine = boundIds.get(connection) ?? new Set<number>();
      boundIds.set(connection, mine);
      const dropped: { clientId: number; why: string }[] = [];
      const drop = (clientId: number, why: string) => {
        states.delete(clientId);
        dropped.push({ clientId, why });
      };

      for (const [id, state] of states) {
        if (JSON.stringify(state).length > MAX_STATE_BYTES) drop(id, "too large");
      }
      const announced = [...states.keys()].filter((id) => !mine.has(id));
      const room = Math.max(0, MAX_STATES - mine.size);
      for (const id of announced.slice(room)) drop(id, "too many states on one connection");
      const candidates = announced.slice(0, room);
      if (candidates.length > 0) {
        // Without the database, an id's owner is unknown: its state waits for the next announcement
        // rather than closing the connection (a throw here would).
        const owner = await owners.ownersOf(ctx.clauseId, candidates, ctx.user.id, document).catch((error) => {
          log.error(
            { event: "collab.presence-owner-unknown", clauseId: ctx.clauseId, err: error },
            "could not read who owns a client id",
          );
          return new Map<number, string | null>();
        });
        for (const id of candidates) {
          if (owner.get(id) === ctx.user.id) mine.add(id);
          else drop(id, owner.has(id) ? "another participant's client id" : "owner unknown");
        }
      }
      for (const [id, state] of states) states.set(id, stampedState(ctx, state));

      if (dropped.length > 0) {
        log.warn(
          { event: "collab.refused-presence", clauseId: ctx.clauseId, userId: ctx.user.id, dropped },
          "dropped presence states a connection may not set",
        );
      }
    },
  };
}
