// Hocuspocus extension: open sockets follow the rules live. When access changes (a role, a
// deactivation, a restriction — announceAccessChange), every affected connection is checked
// again against the permissions module: it keeps its rights, is downgraded to read-only (or
// upgraded) in place, or is closed with a reason when the clause no longer exists for the person.
// With REDIS_URL set the change is published on Redis and every instance, this one included,
// acts on it; without it, only this process. Also closes a socket whose session has expired, or
// has been ended (sign-out, a new password: announced like any change, and confirmed again from
// the database at most SESSION_RECHECK_MS after the last time, in case an announcement was lost).
import type { Connection, Extension, Hocuspocus } from "@hocuspocus/server";
import { Redis } from "ioredis";
import { findSessionUser } from "@/lib/auth/find-session-user";
import { isSessionLive, SESSION_ACTIVE_MESSAGE, slideSession } from "@/lib/auth/session-lifetime";
import { findClauseAccess } from "@/lib/clauses/find-clause-access";
import { parseClauseDocumentName } from "@/lib/collab/clause-document-name";
import type { CollabContext } from "@/lib/collab/collab-context";
import { socketRights } from "@/lib/collab/socket-rights";
import { log } from "@/lib/log";
import {
  ACCESS_UNCONFIRMED,
  type AccessChangedMessage,
  DEACTIVATED,
  DELEGATION_CHANGED,
  NO_LONGER_SHARED,
  SESSION_EXPIRED,
} from "./access-messages";
import { type AccessChange, listenForAccessChanges } from "./announce-access-change";
import { sharedSessionCheck } from "./shared-session-check";

const CHANNEL = "clausework:access-changed";
/** Longer than any authentication takes. */
const RECENT_CHANGE_MS = 30_000;
/** How long an open socket trusts that its session has not been ended without it being told. */
export const SESSION_RECHECK_MS = 30_000;

function closeWith(connection: Connection, code: number, reason: string): void {
  connection.close({ code, reason } as CloseEvent);
}

async function recheckConnection(connection: Connection, clauseId: string): Promise<void> {
  const context = connection.context as CollabContext;
  const user = await findSessionUser(context.user.id, context.sessionVersion);
  if (!user) return closeWith(connection, 4401, DEACTIVATED);
  context.sessionCheckedAt = Date.now();
  const access = await findClauseAccess(user, clauseId);
  if (!access) {
    // The clause reads the person's account again: a deactivation committed between the two
    // reads hides the clause too, and the person should be told the real reason.
    const still = await findSessionUser(context.user.id, context.sessionVersion);
    return still ? closeWith(connection, 4404, NO_LONGER_SHARED) : closeWith(connection, 4401, DEACTIVATED);
  }
  // Moved to another organisation: the page still shows, and proposes as, the old one.
  if (user.organizationId !== context.user.organizationId) return closeWith(connection, 4409, DELEGATION_CHANGED);
  context.user = user; // the organisation's name or colour may have changed too
  const rights = socketRights(access.actor, access.target);
  const { mayOnlySuggest } = rights;
  // A screen following a plenary presentation stays read-only, whatever the person may now do.
  const readOnly = rights.readOnly || context.following === true;
  // A delegate made chair (or the reverse) changes what the suggest-only guard checks.
  context.mayOnlySuggest = mayOnlySuggest;
  if (readOnly === connection.readOnly) return;
  connection.readOnly = readOnly;
  connection.sendStateless(JSON.stringify({ type: "access.changed", readOnly } satisfies AccessChangedMessage));
  log.info({ event: "collab.access-changed", userId: user.id, clauseId, readOnly }, "socket rights changed");
}

/**
 * The session behind a socket is still the person's (not signed out, no new password, not
 * deactivated)? A database that cannot answer just now closes nothing: the announcement of an
 * ended session closes it anyway, and the next message asks again.
 */
async function confirmSession(context: CollabContext): Promise<void> {
  let user: Awaited<ReturnType<typeof findSessionUser>>;
  try {
    user = await sharedSessionCheck(context.user.id, context.sessionVersion);
  } catch (error) {
    log.warn(
      { event: "collab.session-unconfirmed", userId: context.user.id, err: error },
      "could not confirm a session",
    );
    return;
  }
  if (!user) throw Object.assign(new Error(DEACTIVATED), { code: 4401, reason: DEACTIVATED });
  context.sessionCheckedAt = Date.now();
}

/** Checks again every open connection the change may concern, on this instance. */
export async function recheckOpenConnections(instance: Hocuspocus, change: AccessChange): Promise<void> {
  const checks: Promise<void>[] = [];
  for (const document of instance.documents.values()) {
    const clauseId = parseClauseDocumentName(document.name);
    if (!clauseId || (change.clauseId && change.clauseId !== clauseId)) continue;
    for (const connection of document.getConnections()) {
      const user = (connection.context as CollabContext | undefined)?.user;
      if (!user) continue;
      if (change.userId && user.id !== change.userId) continue;
      if (change.organizationId && user.organizationId !== change.organizationId) continue;
      checks.push(
        recheckConnection(connection, clauseId).catch((error) => {
          // When in doubt, close: a connection we cannot check keeps no rights.
          log.error({ event: "collab.recheck-failed", clauseId, err: error }, "could not recheck a socket");
          closeWith(connection, 4503, ACCESS_UNCONFIRMED);
        }),
      );
    }
  }
  await Promise.all(checks);
}

export function liveAccess(redisUrl = process.env.REDIS_URL): Extension {
  let instance: Hocuspocus | null = null;
  let publisher: Redis | null = null;
  let subscriber: Redis | null = null;
  const pending = new Set<Promise<void>>();
  let lastChangeAt = 0;

  function recheck(change: AccessChange) {
    lastChangeAt = Date.now();
    if (!instance) return;
    const run = recheckOpenConnections(instance, change).finally(() => pending.delete(run));
    pending.add(run);
  }

  return {
    extensionName: "live-access",

    async onConfigure({ instance: configured }) {
      instance = configured;
      if (redisUrl) {
        publisher = new Redis(redisUrl, { lazyConnect: false, maxRetriesPerRequest: 3 });
        subscriber = new Redis(redisUrl);
        // An outage is logged once by the documents' link (lib/server/redis-extension.ts); without a
        // listener ioredis prints every reconnection attempt. Both reconnect and resubscribe by themselves.
        for (const client of [publisher, subscriber])
          client.on("error", (error) => log.debug({ event: "access.redis-error", err: error }, "redis error"));
        await subscriber.subscribe(CHANNEL);
        subscriber.on("message", (_channel: string, message: string) => {
          try {
            recheck(JSON.parse(message) as AccessChange);
          } catch (error) {
            log.warn({ event: "collab.bad-access-message", err: error }, "ignored an access message");
          }
        });
        listenForAccessChanges((change) => {
          publisher?.publish(CHANNEL, JSON.stringify(change)).catch((error) => {
            // Redis down: at least this instance acts on it.
            log.error({ event: "collab.publish-failed", err: error }, "could not publish an access change");
            recheck(change);
          });
        });
      } else {
        listenForAccessChanges(recheck);
      }
    },

    // A connection authenticated just before a change, but registered with its document just
    // after the change was applied to open connections, would keep stale rights: check it again.
    async connected({ connection, documentName }) {
      const clauseId = parseClauseDocumentName(documentName);
      if (!clauseId || Date.now() - lastChangeAt > RECENT_CHANGE_MS) return;
      await recheckConnection(connection, clauseId).catch(() => closeWith(connection, 4503, ACCESS_UNCONFIRMED));
    },

    // A socket outlives the session it was opened with only until that session ends: its token
    // expires, it stays idle too long, or it reaches the absolute limit from sign-in.
    async beforeHandleMessage({ context }) {
      const session = context as CollabContext | undefined;
      const now = Date.now();
      const expired = session?.sessionExpiresAt && session.sessionExpiresAt < now;
      const ended = session?.sessionTimes && !isSessionLive(session.sessionTimes, now);
      if (expired || ended) throw Object.assign(new Error(SESSION_EXPIRED), { code: 4401, reason: SESSION_EXPIRED });
      if (session?.sessionCheckedAt !== undefined && now - session.sessionCheckedAt > SESSION_RECHECK_MS) {
        await confirmSession(session);
      }
    },

    // The browser reports activity (after its session cookie slid too): the socket's idle limit
    // slides with it, never past the absolute limit. beforeHandleMessage has already refused an
    // ended session, so a report cannot revive one.
    async onStateless({ connection, payload }) {
      if (payload !== SESSION_ACTIVE_MESSAGE) return;
      const context = connection.context as CollabContext;
      if (context.sessionTimes) context.sessionTimes = slideSession(context.sessionTimes, Date.now());
    },

    async onDestroy() {
      await Promise.allSettled([...pending]);
      listenForAccessChanges(undefined);
      await Promise.allSettled([publisher?.quit(), subscriber?.quit()]);
    },
  };
}
