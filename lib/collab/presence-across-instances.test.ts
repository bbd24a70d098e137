// Presence across instances: when a tab closes on one instance, its caret leaves the screens of
// people on the other instance at once — not after y-protocols' 30 s timeout — while a tab that
// moved to the other instance keeps its caret, and no browser can remove someone else's.
import { HocuspocusProvider } from "@hocuspocus/provider";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import { seedIfEmpty } from "@/lib/seed/seed-demo-data";
import { redisExtensions } from "@/lib/server/redis-extension";
import { clauseDocumentName } from "./clause-document-name";
import { type ClauseClient, eventually, openClause, sessionCookie } from "./test-support/clause-client";
import { type CollabTestServer, startCollabTestServer } from "./test-support/collab-test-server";
import { sendForgedAwareness } from "./test-support/forged-awareness";
import { freshClause } from "./test-support/fresh-clause";

const REDIS_URL = process.env.REDIS_URL;
/** Far below y-protocols' 30 s: a state gone within this went because it was announced. */
const WELL_BEFORE_TIMEOUT = 5_000;

// Several instances need a Redis server; .ci/run sets REDIS_URL to the machine's.
describe.skipIf(!REDIS_URL)("presence across instances", () => {
  const prefix = `clausework-presence-${process.pid}-${Date.now()}`;
  let first: CollabTestServer;
  let second: CollabTestServer;
  const cookies: Record<"chair" | "secretariat" | "attacker", string> = {} as never;
  const open: { destroy(): void }[] = [];

  async function cookieFor(email: string) {
    return sessionCookie((await prisma.user.findUniqueOrThrow({ where: { email } })).id);
  }

  async function connect(server: CollabTestServer, clauseId: string, who: keyof typeof cookies, name = who) {
    const c = openClause(server.url, clauseId, cookies[who]);
    open.push(c);
    await c.saved();
    c.provider.setAwarenessField("user", { name });
    return c;
  }

  /** Whether `viewer`'s browser shows a state for `clientId`. */
  const shows = (viewer: ClauseClient, clientId: number) => viewer.provider.awareness?.getStates().has(clientId);
  const held = (server: CollabTestServer, clauseId: string, clientId: number) =>
    server.collab.documents.get(clauseDocumentName(clauseId))?.awareness.getStates().has(clientId) ?? false;

  beforeAll(async () => {
    process.env.NEXTAUTH_SECRET ??= "collab-test-secret";
    await seedIfEmpty(prisma);
    cookies.chair = await cookieFor("chair@clausework.demo");
    cookies.secretariat = await cookieFor("secretariat@clausework.demo");
    cookies.attacker = await cookieFor("russian-federation@clausework.demo");
    first = await startCollabTestServer(0, redisExtensions(REDIS_URL, prefix));
    second = await startCollabTestServer(0, redisExtensions(REDIS_URL, prefix));
  });

  afterAll(async () => {
    for (const c of open) c.destroy();
    await first?.stop();
    await second?.stop();
  });

  it("removes a closed tab's caret on the other instance at once, whether or not others stay on its instance", async () => {
    const clauseId = await freshClause("presence across instances: closing");
    const watcher = await connect(second, clauseId, "secretariat");
    const [leaving, staying] = [await connect(first, clauseId, "chair"), await connect(first, clauseId, "chair")];
    await eventually(() => !!shows(watcher, leaving.doc.clientID) && !!shows(watcher, staying.doc.clientID));

    leaving.destroy();
    await eventually(() => !shows(watcher, leaving.doc.clientID), WELL_BEFORE_TIMEOUT);
    expect(held(second, clauseId, leaving.doc.clientID)).toBe(false);
    expect(shows(watcher, staying.doc.clientID)).toBe(true);

    // The last tab on its instance: that instance unloads the clause, the caret still goes.
    staying.destroy();
    await eventually(() => !shows(watcher, staying.doc.clientID), WELL_BEFORE_TIMEOUT);
    expect(held(second, clauseId, staying.doc.clientID)).toBe(false);
  });

  it("keeps the caret of a tab that reconnected to the other instance", async () => {
    const clauseId = await freshClause("presence across instances: moving");
    const name = clauseDocumentName(clauseId);
    const watcher = await connect(second, clauseId, "secretariat");
    const tab = await connect(first, clauseId, "chair");
    const fence = await connect(first, clauseId, "chair");
    const id = tab.doc.clientID;
    await eventually(() => !!shows(watcher, id) && !!shows(watcher, fence.doc.clientID));

    // The same tab (the same document, so the same client id) opens a socket to the other
    // instance and publishes its caret there, then its first socket closes.
    const moved = new HocuspocusProvider({
      url: second.url,
      name,
      document: tab.doc,
      token: "session-cookie",
      WebSocketPolyfill: (tab.provider.configuration.websocketProvider.configuration as { WebSocketPolyfill: unknown })
        .WebSocketPolyfill,
    } as ConstructorParameters<typeof HocuspocusProvider>[0]);
    open.push(moved);
    const closedClock = first.collab.documents.get(name)?.awareness.meta.get(id)?.clock ?? 0;
    for (let i = 0; (moved.awareness?.meta.get(id)?.clock ?? 0) <= closedClock; i++) {
      moved.setAwarenessField("user", { name: `moved ${i}` });
    }
    await eventually(() => (second.collab.documents.get(name)?.awareness.meta.get(id)?.clock ?? 0) > closedClock);
    tab.provider.destroy();
    await eventually(() => first.collab.getConnectionsCount() === 1);

    // Departures arrive in order: once the fence's is handled, the tab's was too.
    fence.destroy();
    await eventually(() => !shows(watcher, fence.doc.clientID), WELL_BEFORE_TIMEOUT);
    expect(shows(watcher, id)).toBe(true);
    expect(held(second, clauseId, id)).toBe(true);
  });

  it("still refuses a browser's removal of another person's caret, on either instance", async () => {
    const clauseId = await freshClause("presence across instances: forged removal");
    const chair = await connect(first, clauseId, "chair");
    const watcher = await connect(second, clauseId, "secretariat");
    const attackers = [await connect(first, clauseId, "attacker"), await connect(second, clauseId, "attacker")];
    await eventually(() => !!shows(watcher, chair.doc.clientID));
    for (const attacker of attackers) {
      sendForgedAwareness(attacker.provider, [{ clientId: chair.doc.clientID, clock: 1_000_000, state: null }]);
    }
    // Each attacker's own state, sent after the forgery, reaches the watcher: the forgery was handled.
    for (const [i, attacker] of attackers.entries())
      attacker.provider.setAwarenessField("user", { name: `after ${i}` });
    await eventually(() => attackers.every((attacker) => shows(watcher, attacker.doc.clientID)));
    expect(shows(watcher, chair.doc.clientID)).toBe(true);
    expect(held(first, clauseId, chair.doc.clientID)).toBe(true);
    expect(held(second, clauseId, chair.doc.clientID)).toBe(true);
  });
});
