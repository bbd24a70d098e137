// PostgreSQL goes away for longer than a socket's silence limit while people type, behind a TCP
// proxy that is cut and restored: nothing typed is applied, shown to others or acknowledged
// before it is stored; the writer is told "not saved — retrying"; the clause cannot be opened
// meanwhile; and when PostgreSQL returns everything typed is stored and reaches everyone.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as Y from "yjs";
import { GET as health } from "@/app/api/health/route";
import { disconnectPrisma, prisma } from "@/lib/db/prisma";
import { CLAUSE_FRAGMENT } from "@/lib/editor/extensions";
import { log } from "@/lib/log";
import { isRefusedEdit } from "@/lib/proposals/refused-edit-message";
import { authorFor, proposeInsertion } from "@/lib/proposals/test-support/yjs-proposals";
import { seedIfEmpty } from "@/lib/seed/seed-demo-data";
import { clauseDocumentName } from "./clause-document-name";
import { loadClauseState } from "./clause-store";
import { durableClauseStore } from "./durable-clause-store";
import { CLAUSE_UNAVAILABLE, parseSaveMessage, SAVE_RESUMED, SAVE_RETRYING } from "./save-messages";
import { type ClauseClient, eventually, openClause, sessionCookie } from "./test-support/clause-client";
import { type CollabTestServer, startCollabTestServer } from "./test-support/collab-test-server";
import { freshClause } from "./test-support/fresh-clause";
import { startTcpProxy, type TcpProxy } from "./test-support/tcp-proxy";

/** Longer than the provider's 30 s without a message and the time a person notices. */
const OUTAGE_MS = 32_000;

async function storedText(clauseId: string): Promise<string> {
  const doc = new Y.Doc();
  const state = await loadClauseState(clauseId);
  if (state) Y.applyUpdate(doc, state);
  const text = doc.getXmlFragment(CLAUSE_FRAGMENT).toString();
  doc.destroy();
  return text;
}

describe("PostgreSQL unavailable while people type", () => {
  const realUrl = process.env.DATABASE_URL as string;
  let proxy: TcpProxy;
  let server: CollabTestServer;
  let clauseId: string;
  let writerCookie: string;
  let readerCookie: string;
  const clients: ClauseClient[] = [];

  beforeAll(async () => {
    process.env.NEXTAUTH_SECRET ??= "collab-test-secret";
    proxy = await startTcpProxy(Number(new URL(realUrl).port || 5432), new URL(realUrl).hostname);
    // Every query of this process, the collaboration server's included, goes through the proxy.
    await disconnectPrisma();
    process.env.DATABASE_URL = proxy.urlFor(realUrl);
    await seedIfEmpty(prisma);
    // A clause of its own: other test files run at the same time on the same database.
    clauseId = await freshClause("Database outage");
    writerCookie = await sessionCookie(
      (await prisma.user.findUniqueOrThrow({ where: { email: "secretariat@clausework.demo" } })).id,
    );
    const chair = await prisma.user.findUniqueOrThrow({ where: { email: "chair@clausework.demo" } });
    readerCookie = await sessionCookie(chair.id);
    server = await startCollabTestServer();
  });

  afterAll(async () => {
    for (const client of clients) client.destroy();
    await server?.stop();
    await proxy?.restore().catch(() => {});
    await disconnectPrisma();
    await proxy?.close();
    process.env.DATABASE_URL = realUrl;
  });

  it("holds what is typed, says so, refuses to open the clause, and stores it all when PostgreSQL returns", async () => {
    const errors = vi.spyOn(log, "error");
    const writer = openClause(server.url, clauseId, writerCookie);
    const other = openClause(server.url, clauseId, readerCookie);
    clients.push(writer, other);
    const told: string[] = [];
    let closes = 0;
    writer.provider.on("stateless", ({ payload }: { payload: string }) => {
      const message = parseSaveMessage(payload);
      if (message) told.push(message);
    });
    writer.provider.on("close", () => closes++);
    await Promise.all([writer.saved(), other.saved()]);

    const acknowledged = `Saved before the outage ${Date.now()}`;
    writer.appendParagraph(acknowledged);
    await writer.saved();

    await proxy.cut();
    const typed = [`Typed as the database went away ${Date.now()}`];
    writer.appendParagraph(typed[0]);
    await eventually(() => told.includes(SAVE_RETRYING));
    expect(writer.provider.hasUnsyncedChanges).toBe(true);

    // The load balancer takes the instance out; nobody can open the clause; no empty clause is served.
    expect((await health()).status).toBe(503);
    const newcomer = openClause(server.url, clauseId, readerCookie);
    clients.push(newcomer);
    expect(await newcomer.refused).toBe(CLAUSE_UNAVAILABLE);

    // Keep typing through the outage; nothing reaches the other person unstored.
    const halfway = Date.now() + OUTAGE_MS / 2;
    await eventually(() => Date.now() > halfway, OUTAGE_MS);
    typed.push(`Typed in the middle of the outage ${Date.now()}`);
    writer.appendParagraph(typed[1]);
    const end = Date.now() + OUTAGE_MS / 2;
    await eventually(() => Date.now() > end, OUTAGE_MS);
    typed.push(`Typed just before the database returned ${Date.now()}`);
    writer.appendParagraph(typed[2]);
    expect(writer.provider.hasUnsyncedChanges).toBe(true);
    for (const text of typed) expect(other.text()).not.toContain(text);
    // The socket stayed open throughout: the waiting edit is not resent on a new connection.
    expect(closes).toBe(0);
    // One log line for the outage, not one per edit or per retry.
    const outageLines = errors.mock.calls.filter(
      ([fields]) => (fields as { event?: string }).event === "persistence.database-unavailable",
    );
    expect(outageLines).toHaveLength(1);
    // A clause not yet open on this instance is not loaded empty either.
    await expect(
      durableClauseStore().onLoadDocument?.({ documentName: clauseDocumentName(clauseId) } as never),
    ).rejects.toMatchObject({ reason: CLAUSE_UNAVAILABLE });

    await proxy.restore();
    await writer.saved();
    expect(told.at(-1)).toBe(SAVE_RESUMED);
    const stored = await storedText(clauseId);
    for (const text of [acknowledged, ...typed]) expect(stored).toContain(text);
    await eventually(() => typed.every((text) => other.text().includes(text)));

    const later = openClause(server.url, clauseId, readerCookie);
    clients.push(later);
    await later.saved();
    for (const text of [acknowledged, ...typed]) expect(later.text()).toContain(text);
    expect((await health()).status).toBe(200);
    errors.mockRestore();
  }, 120_000);

  it("drops a held edit whose socket goes away, applying nothing, and stores it when the browser reconnects", async () => {
    const writer = openClause(server.url, clauseId, writerCookie);
    const other = openClause(server.url, clauseId, readerCookie);
    clients.push(writer, other);
    const told: string[] = [];
    writer.provider.on("stateless", ({ payload }: { payload: string }) => {
      const message = parseSaveMessage(payload);
      if (message) told.push(message);
    });
    await Promise.all([writer.saved(), other.saved()]);
    const document = () => server.collab.documents.get(clauseDocumentName(clauseId));

    await proxy.cut();
    const typed = `Typed, then the connection dropped ${Date.now()}`;
    writer.appendParagraph(typed);
    await eventually(() => told.includes(SAVE_RETRYING));
    const socket = writer.provider.configuration.websocketProvider;
    const connections = document()?.getConnectionsCount() ?? 0;
    socket.disconnect();
    await eventually(() => document()?.getConnectionsCount() === connections - 1);
    // Past the longest wait between two attempts: the server has given the edit up, unapplied.
    await new Promise((resolve) => setTimeout(resolve, 4_000));
    expect(document()?.getXmlFragment(CLAUSE_FRAGMENT).toString()).not.toContain(typed);
    expect(other.text()).not.toContain(typed);

    await proxy.restore();
    void socket.connect();
    await writer.saved();
    expect(await storedText(clauseId)).toContain(typed);
    await eventually(() => other.text().includes(typed));
  }, 60_000);

  it("holds a delegation's proposal while the guard cannot ask PostgreSQL, and stores it when it returns", async () => {
    // A delegate's edit is judged against the database (ids, locks, brackets) before it is saved:
    // an outage there is no verdict, so the proposal waits instead of being refused and dropped.
    const delegation = await authorFor("jamaica@clausework.demo");
    const delegate = openClause(server.url, clauseId, await sessionCookie(delegation.authorId));
    const other = openClause(server.url, clauseId, readerCookie);
    clients.push(delegate, other);
    const told: string[] = [];
    delegate.provider.on("stateless", ({ payload }: { payload: string }) => told.push(payload));
    let closes = 0;
    delegate.provider.on("close", () => closes++);
    await Promise.all([delegate.saved(), other.saved()]);
    // Its client id is known before the outage (a new one would wait in the client-id guard).
    proposeInsertion(delegate.doc, "Saved before the outage", " first", delegation);
    await delegate.saved();

    await proxy.cut();
    // Past the guard's one-second memory of the clause's standing: it must ask PostgreSQL.
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const words = ` proposed while the database was away ${Date.now()}`;
    proposeInsertion(delegate.doc, "Saved before the outage", words, delegation);
    await eventually(() => told.some((payload) => parseSaveMessage(payload) === SAVE_RETRYING));
    expect(told.some(isRefusedEdit)).toBe(false);
    expect(other.text()).not.toContain(words.trim());

    await proxy.restore();
    await delegate.saved();
    expect(told.some(isRefusedEdit)).toBe(false);
    expect(closes).toBe(0);
    expect(await storedText(clauseId)).toContain(words.trim());
    await eventually(() => other.text().includes(words.trim()));
  }, 60_000);
});
