// Bad input on the collaboration socket gets refused and changes nothing; the server stays up.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import * as Y from "yjs";
import { prisma } from "@/lib/db/prisma";
import { seedIfEmpty } from "@/lib/seed/seed-demo-data";
import { loadClauseState } from "./clause-store";
import { MAX_MESSAGE_BYTES } from "./socket-notices";
import { openClause, sessionCookie } from "./test-support/clause-client";
import { type CollabTestServer, startCollabTestServer } from "./test-support/collab-test-server";

let server: CollabTestServer;
let clauseId: string;
let cookie: string;

function storedText(state: Uint8Array | null): string {
  const doc = new Y.Doc();
  if (state) Y.applyUpdate(doc, state);
  return doc.getXmlFragment("default").toString();
}

function rawSocket(): Promise<WebSocket> {
  const socket = new WebSocket(server.url, { headers: { cookie } });
  return new Promise((resolve, reject) => {
    socket.once("open", () => resolve(socket));
    socket.once("error", reject);
  });
}

beforeAll(async () => {
  process.env.NEXTAUTH_SECRET ??= "collab-test-secret";
  await seedIfEmpty(prisma);
  clauseId = (await prisma.clause.findFirstOrThrow({ where: { number: "16" } })).id;
  const chair = await prisma.user.findFirstOrThrow({ where: { email: "chair@clausework.demo" } });
  cookie = await sessionCookie(chair.id);
  server = await startCollabTestServer();
});

afterAll(async () => {
  await server?.stop();
});

describe("bad input on the collaboration socket", () => {
  it("closes a connection that sends garbage, and keeps serving others", async () => {
    const socket = await rawSocket();
    const closed = new Promise<number>((resolve) => socket.once("close", (code) => resolve(code)));
    socket.send(Buffer.from([0xff, 0xfe, 0x00, 0x13, 0x37, 0x42]));
    await expect(closed).resolves.toBeGreaterThan(0);
    const client = openClause(server.url, clauseId, cookie);
    await client.saved();
    expect(client.text()).toContain("paragraph");
    client.destroy();
  });

  it("refuses a message above the size limit without storing anything", async () => {
    const before = await prisma.clauseUpdate.count({ where: { clauseId } });
    const socket = await rawSocket();
    const closed = new Promise<number>((resolve) => socket.once("close", (code) => resolve(code)));
    socket.send(Buffer.alloc(MAX_MESSAGE_BYTES + 1, 1));
    await expect(closed).resolves.toBe(1009); // "message too big"
    expect(await prisma.clauseUpdate.count({ where: { clauseId } })).toBe(before);
  });

  it("never serves or saves an empty clause when the stored state cannot be read", async () => {
    const before = storedText(await loadClauseState(clauseId));
    expect(before).toContain("paragraph");
    // A stored row that cannot be decoded makes the load fail.
    const broken = await prisma.clauseUpdate.create({
      data: { clauseId, update: Buffer.from([0x01, 0xff, 0xff, 0xff]) },
    });
    const client = openClause(server.url, clauseId, cookie);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(client.provider.synced).toBe(false);
    expect(client.text()).toBe("");
    client.destroy();
    await prisma.clauseUpdate.delete({ where: { id: broken.id } });
    expect(storedText(await loadClauseState(clauseId))).toBe(before);
    const healthy = openClause(server.url, clauseId, cookie);
    await healthy.saved();
    expect(healthy.text()).toBe(before);
    healthy.destroy();
  });
});
