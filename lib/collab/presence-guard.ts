// Hocuspocus extension: presence (Yjs awareness) is the server's. A connection may set only the
// states of its own client ids — at most MAX_STATES of them, each owned by its person
// (client-id-owners.ts: announcing an id claims it, as writing under it does) — and each state
// carries only the server's idea of who is connected (name, delegation, colour) and a caret.
// Anything else in the message is dropped before Hocuspocus applies or relays it.
//
// Why here: Hocuspocus 4 decodes each inbound awareness message into a scratch map, awaits this
// hook, and applies and broadcasts only what the map holds afterwards (MessageReceiver.ts), so
// a state deleted here is never stored, relayed to other clients or published to Redis.
// States go when their connection goes: Hocuspocus removes the states a connection added when
// it closes. (A removal published through Redis is dropped by that same scratch decoding in
// Hocuspocus 4.7, so other instances let such a state expire after y-protocols' 30 s.)
import type { Connection, Extension } from "@hocuspocus/server";
import { log } from "@/lib/log";
import type { ClientIdOwners } from "./client-id-owners";
import type { CollabContext } from "./collab-context";

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

export function presenceGuard(owners: ClientIdOwners): Extension {
  /** The client ids whose presence each connection publishes, bound on first announcement. */
  const boundIds = new WeakMap<Connection, Set<number>>();

  return {
    extensionName: "presence-guard",

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
