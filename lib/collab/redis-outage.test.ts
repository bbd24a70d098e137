// Two instances share documents through Redis behind a TCP proxy that is cut and restored:
// while Redis is away each instance keeps serving its own clients (editing, saving, announcing)
// and says so once; when it returns they rejoin and what was written on both sides converges.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db/prisma";
import { log } from "@/lib/log";
import { seedIfEmpty } from "@/lib/seed/seed-demo-data";
import { redisExtensions } from "@/lib/server/redis-extension";
import { clauseDocumentName } from "./clause-document-name";
import { type ClauseClient, eventually, openClause, sessionCookie } from "./test-support/clause-client";
import { type CollabTestServer, startCollabTestServer } from "./test-support/collab-test-server";
import { freshClause } from "./test-support/fresh-clause";
import { startTcpProxy, type TcpProxy } from "./test-support/tcp-proxy";

const REDIS_URL = process.env.REDIS_URL;

function loggedEvents(spy: { mock: { calls: unknown[][] } }, event: string): number {
  return spy.mock.calls.filter(([fields]) => (fields as { event?: string } | undefined)?.event === event).length;
}

describe.skipIf(!REDIS_URL)("Redis unavailable with several instances", () => {
  const prefix = `clausework-outage-${process.pid}-${Date.now()}`;
  let proxy: TcpProxy;
  let first: CollabTestServer;
  let second: CollabTestServer;
  let clauseId: string;
  const cookies: string[] = [];
  const clients: ClauseClient[] = [];

  beforeAll(async () => {
    process.env.NEXTAUTH_SECRET ??= "collab-test-secret";
    const real = new URL(REDIS_URL as string);
    proxy = await startTcpProxy(Number(real.port || 6379), real.hostname);
    // Everything the instances do with Redis (documents, presence, access changes) goes through it.
    process.env.REDIS_URL = proxy.urlFor(REDIS_URL as string);
    await seedIfEmpty(prisma);
    // A clause of its own: other test files run at the same time on the same database.
    clauseId = await freshClause("Redis outage");
    const chairs = await prisma.user.findMany({
      // The demo instrument's own chairs: other test files add instruments (and chairs) of their own.
      where: { email: { in: ["chair@clausework.demo", "secretariat@clausework.demo"] } },
      orderBy: { email: "asc" },
    });
    for (const chair of chairs) cookies.push(await sessionCookie(chair.id));
    first = await startCollabTestServer(0, redisExtensions(process.env.REDIS_URL, prefix));
    second = await startCollabTestServer(0, redisExtensions(process.env.REDIS_URL, prefix));
  });

  afterAll(async () => {
    for (const client of clients) client.destroy();
    await proxy?.restore().catch(() => {});
    await first?.stop();
    await second?.stop();
    await proxy?.close();
    process.env.REDIS_URL = REDIS_URL;
  });

  it("keeps each instance editing and saving alone, logs it once, and converges when Redis returns", async () => {
    const errors = vi.spyOn(log, "error");
    const onFirst = openClause(first.url, clauseId, cookies[0]);
    const onSecond = openClause(second.url, clauseId, cookies[1] ?? cookies[0]);
    clients.push(onFirst, onSecond);
    await Promise.all([onFirst.saved(), onSecond.saved()]);
    const before = `Shared before Redis went away ${Date.now()}`;
    onFirst.appendParagraph(before);
    await eventually(() => onSecond.text().includes(before));

    await proxy.cut();
    const apart: Record<"first" | "second", string[]> = { first: [], second: [] };
    for (let round = 0; round < 5; round++) {
      apart.first.push(`Written on the first instance while apart, ${round} ${Date.now()}`);
      apart.second.push(`Written on the second instance while apart, ${round} ${Date.now()}`);
      onFirst.appendParagraph(apart.first[round]);
      onSecond.appendParagraph(apart.second[round]);
      // Saving goes on: PostgreSQL is there, only the link between instances is not.
      await Promise.all([onFirst.saved(), onSecond.saved()]);
      await new Promise((resolve) => setTimeout(resolve, 400));
    }
    // Announcing a change (a thread, a proposal) to a clause's clients must not bring an instance down.
    first.collab.documents.get(clauseDocumentName(clauseId))?.broadcastStateless(JSON.stringify({ type: "test" }));
    for (const text of apart.first) expect(onFirst.text()).toContain(text);
    for (const text of apart.second) expect(onSecond.text()).toContain(text);
    expect(onSecond.text()).not.toContain(apart.first[4]);
    // Once per instance, not once per edit, publish or reconnection attempt.
    expect(loggedEvents(errors, "collab.redis-unavailable")).toBe(2);

    await proxy.restore();
    const everything = [...apart.first, ...apart.second];
    await eventually(() => everything.every((text) => onFirst.text().includes(text)), 20_000);
    await eventually(() => everything.every((text) => onSecond.text().includes(text)), 20_000);
    expect(onFirst.text()).toBe(onSecond.text());

    // And they stay joined.
    const after = `Shared after Redis returned ${Date.now()}`;
    onSecond.appendParagraph(after);
    await eventually(() => onFirst.text().includes(after));
    expect(loggedEvents(errors, "collab.redis-unavailable")).toBe(2);
    errors.mockRestore();
  }, 90_000);
});
