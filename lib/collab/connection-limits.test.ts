// Per-connection limits: a flood is cut off with a close code the browser explains, a frame
// above the limit is refused, nothing of either is stored, and honest clients keep working.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { prisma } from "@/lib/db/prisma";
import { seedIfEmpty } from "@/lib/seed/seed-demo-data";
import { connectionLimits, MESSAGE_BURST, MESSAGES_PER_SECOND } from "./connection-limits";
import { CHANGE_TOO_LARGE, MAX_MESSAGE_BYTES, socketLimitNotice, TOO_MANY_CHANGES } from "./socket-notices";
import { type ClauseClient, openClause, sessionCookie } from "./test-support/clause-client";
import { type CollabTestServer, startCollabTestServer } from "./test-support/collab-test-server";
import { sendForgedAwareness } from "./test-support/forged-awareness";
import { freshClause } from "./test-support/fresh-clause";

let server: CollabTestServer;
let clauseId: string;
let cookie: string;
const open: ClauseClient[] = [];

function rawSocket(): Promise<WebSocket> {
  const socket = new WebSocket(server.url, { headers: { cookie } });
  return new Promise((resolve, reject) => {
    socket.once("open", () => resolve(socket));
    socket.once("error", reject);
  });
}

const closeCode = (socket: WebSocket) =>
  new Promise<number>((resolve) => socket.once("close", (code) => resolve(code)));

beforeAll(async () => {
  process.env.NEXTAUTH_SECRET ??= "collab-test-secret";
  await seedIfEmpty(prisma);
  cookie = await sessionCookie((await prisma.user.findUniqueOrThrow({ where: { email: "chair@clausework.demo" } })).id);
  clauseId = await freshClause("connection limits");
  server = await startCollabTestServer();
});

afterAll(async () => {
  for (const c of open) c.destroy();
  await server?.stop();
});

describe("token buckets", () => {
  it("pass a burst, refuse beyond it, and refill with time", () => {
    let now = 0;
    const mayReceive = connectionLimits(() => now);
    for (let i = 0; i < MESSAGE_BURST; i++) expect(mayReceive(10)).toBe(true);
    expect(mayReceive(10)).toBe(false);
    now += 1000;
    for (let i = 0; i < MESSAGES_PER_SECOND; i++) expect(mayReceive(10)).toBe(true);
    expect(mayReceive(10)).toBe(false);
  });

  it("count bytes too: a long paste passes, a stream of them does not", () => {
    const now = 0;
    const mayReceive = connectionLimits(() => now);
    expect(mayReceive(MAX_MESSAGE_BYTES)).toBe(true);
    let sent = 1;
    while (mayReceive(MAX_MESSAGE_BYTES)) sent++;
    expect(sent).toBeGreaterThan(1);
    expect(sent).toBeLessThan(MESSAGE_BURST);
  });
});

describe("the collaboration socket's limits", () => {
  it("cuts off a flood with a close code the browser explains; nothing is stored; others are served", async () => {
    const before = await prisma.clauseUpdate.count({ where: { clauseId } });
    const flooder = openClause(server.url, clauseId, cookie);
    open.push(flooder);
    await flooder.saved();
    const closed = new Promise<number | undefined>((resolve) =>
      flooder.provider.on("close", ({ event }: { event?: { code?: number } }) => resolve(event?.code)),
    );
    // Well-formed messages (its own presence, again and again), only far too many of them.
    for (let i = 0; i < MESSAGE_BURST * 2; i++)
      sendForgedAwareness(flooder.provider, [{ clientId: flooder.doc.clientID, clock: i + 1, state: { user: {} } }]);
    expect(await closed).toBe(TOO_MANY_CHANGES);
    expect(socketLimitNotice(TOO_MANY_CHANGES)?.dropEdit).toBe(false);
    expect(await prisma.clauseUpdate.count({ where: { clauseId } })).toBe(before);

    const honest = openClause(server.url, clauseId, cookie);
    open.push(honest);
    await honest.saved();
    honest.appendParagraph("Still served after a flood.");
    await honest.saved();
    expect(await prisma.clauseUpdate.count({ where: { clauseId } })).toBe(before + 1);
  });

  it("lets fast honest typing through: a hundred edits in a row, each saved", async () => {
    const typist = openClause(server.url, clauseId, cookie);
    open.push(typist);
    await typist.saved();
    let closes = 0;
    typist.provider.on("close", () => closes++);
    for (let i = 0; i < 100; i++) typist.appendParagraph(`Quick paragraph ${i}.`);
    await typist.saved();
    expect(closes).toBe(0);
    expect(typist.text()).toContain("Quick paragraph 99.");
  });

  it("refuses a frame above the limit with 1009, which the browser explains and drops", async () => {
    const socket = await rawSocket();
    const closed = closeCode(socket);
    socket.send(Buffer.alloc(MAX_MESSAGE_BYTES + 1, 1));
    expect(await closed).toBe(CHANGE_TOO_LARGE);
    expect(socketLimitNotice(CHANGE_TOO_LARGE)?.dropEdit).toBe(true);
  });
});
