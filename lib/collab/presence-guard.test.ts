// Presence is the server's: a connection sets only its own client ids' states, stamped with
// who it is, small and few; a reader publishes only its caret; states go with their connection.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { prisma } from "@/lib/db/prisma";
import { CLAUSE_FRAGMENT } from "@/lib/editor/extensions";
import { seedIfEmpty } from "@/lib/seed/seed-demo-data";
import { clauseDocumentName } from "./clause-document-name";
import { MAX_STATE_BYTES, MAX_STATES } from "./presence-guard";
import { type ClauseClient, eventually, openClause, sessionCookie } from "./test-support/clause-client";
import { type CollabTestServer, startCollabTestServer } from "./test-support/collab-test-server";
import { sendForgedAwareness } from "./test-support/forged-awareness";
import { freshClause } from "./test-support/fresh-clause";

let server: CollabTestServer;
let clauseId: string;
const ids: Record<"chair" | "secretariat" | "attacker" | "reader", string> = {} as never;
let chair: ClauseClient;
let observer: ClauseClient;
const open: ClauseClient[] = [];

async function userId(email: string) {
  return (await prisma.user.findUniqueOrThrow({ where: { email } })).id;
}

async function connect(who: keyof typeof ids) {
  const c = openClause(server.url, clauseId, await sessionCookie(ids[who]));
  open.push(c);
  await c.saved();
  return c;
}

/** A caret as y-tiptap publishes it. */
function caret(doc: Y.Doc) {
  const at = Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(doc.getXmlFragment(CLAUSE_FRAGMENT), 0));
  return { anchor: at, head: at };
}

/** What the observer's browser holds for a client id. */
const seen = (clientId: number) => observer.provider.awareness?.getStates().get(clientId);
const serverStates = () =>
  server.collab.documents.get(clauseDocumentName(clauseId))?.awareness.getStates() ?? new Map();

/** Sends the connection's own state last: once the observer has it, everything before was handled. */
async function settle(c: ClauseClient, mark: string) {
  c.provider.setAwarenessField("mark", mark);
  c.provider.setAwarenessField("user", { name: mark });
  await eventually(() => (seen(c.doc.clientID)?.user as { id?: string } | undefined)?.id !== undefined);
  await eventually(() => JSON.stringify(serverStates().get(c.doc.clientID) ?? {}).length > 0);
}

beforeAll(async () => {
  process.env.NEXTAUTH_SECRET ??= "collab-test-secret";
  await seedIfEmpty(prisma);
  ids.chair = await userId("chair@clausework.demo");
  ids.secretariat = await userId("secretariat@clausework.demo");
  ids.attacker = await userId("russian-federation@clausework.demo");
  ids.reader = await userId("press@clausework.demo");
  clauseId = await freshClause("presence");
  server = await startCollabTestServer();
  chair = await connect("chair");
  observer = await connect("secretariat");
  chair.provider.setAwarenessField("user", { name: "whatever the browser says" });
  chair.provider.setAwarenessField("cursor", caret(chair.doc));
  await eventually(() => (seen(chair.doc.clientID)?.user as { id?: string } | undefined)?.id === ids.chair);
});

afterAll(async () => {
  for (const c of open) c.destroy();
  await server?.stop();
});

describe("presence is the server's", () => {
  it("stamps who is connected, whatever the browser claims", () => {
    const state = seen(chair.doc.clientID) as { user: { id: string; name: string }; cursor: unknown };
    expect(state.user.id).toBe(ids.chair);
    expect(state.user.name).not.toBe("whatever the browser says");
    expect(state.cursor).toEqual(caret(chair.doc));
  });

  it("drops a forged removal or relabelling of the chair's state, and keeps the chair in everyone's list", async () => {
    const attacker = await connect("attacker");
    const chairId = chair.doc.clientID;
    const clock = chair.provider.awareness?.meta.get(chairId)?.clock ?? 0;
    sendForgedAwareness(attacker.provider, [{ clientId: chairId, clock: clock + 5, state: null }]);
    sendForgedAwareness(attacker.provider, [
      { clientId: chairId, clock: clock + 10, state: { user: { id: ids.attacker, name: "Chair" }, cursor: null } },
      { clientId: chairId + 1, clock: 0, state: {} },
    ]);
    await settle(attacker, "attacker");
    for (const state of [seen(chairId), serverStates().get(chairId)]) {
      expect((state?.user as { id?: string } | undefined)?.id).toBe(ids.chair);
      expect(state?.cursor).toEqual(caret(chair.doc));
    }
    // The attacker's own state says who it is, and carries nothing the server does not know.
    expect(seen(attacker.doc.clientID)).toEqual({
      user: expect.objectContaining({ id: ids.attacker }),
      cursor: null,
    });
  });

  it("parks no large states and at most a few per connection", async () => {
    const attacker = await connect("attacker");
    const large = "x".repeat(50_000);
    sendForgedAwareness(
      attacker.provider,
      Array.from({ length: 12 }, (_, i) => ({ clientId: 4_000_000_000 + i, clock: 1, state: { user: {}, large } })),
    );
    sendForgedAwareness(
      attacker.provider,
      Array.from({ length: 20 }, (_, i) => ({ clientId: 4_100_000_000 + i, clock: 1, state: { user: {} } })),
    );
    // Messages are handled in order: once the second one's states are in, the first was judged.
    const small = () => [...serverStates().keys()].filter((id) => id >= 4_100_000_000 && id < 4_100_000_020);
    // Each new id is claimed in PostgreSQL before its state is kept: wait for the slots to fill,
    // then make sure no more came.
    await eventually(() => small().length >= MAX_STATES);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(small()).toHaveLength(MAX_STATES);
    expect([...serverStates().keys()].some((id) => id >= 4_000_000_000 && id < 4_000_000_012)).toBe(false);
    expect([...serverStates().values()].every((state) => JSON.stringify(state).length <= MAX_STATE_BYTES)).toBe(true);
    // Its slots are taken: not even its own id gets a fourth.
    attacker.provider.setAwarenessField("user", { name: "one more" });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(serverStates().has(attacker.doc.clientID)).toBe(false);
    expect(observer.provider.awareness?.getStates().has(4_000_000_000)).toBe(false);
  });

  it("lets a reader publish its caret only, for its own id only, and forgets it when it leaves", async () => {
    const reader = await connect("reader");
    expect(await reader.authenticated).toBe("readonly");
    reader.provider.setAwarenessField("cursor", caret(reader.doc));
    reader.provider.setAwarenessField("note", "n".repeat(1_000));
    sendForgedAwareness(reader.provider, [
      { clientId: chair.doc.clientID, clock: 1_000, state: { user: { id: ids.reader }, cursor: null } },
    ]);
    await settle(reader, "reader");
    expect(seen(reader.doc.clientID)).toEqual({
      user: expect.objectContaining({ id: ids.reader }),
      cursor: caret(reader.doc),
    });
    expect((seen(chair.doc.clientID)?.user as { id?: string } | undefined)?.id).toBe(ids.chair);

    const readerId = reader.doc.clientID;
    reader.destroy();
    await eventually(() => !serverStates().has(readerId) && !observer.provider.awareness?.getStates().has(readerId));
    expect(seen(chair.doc.clientID)).toBeDefined();
  });
});
