// Two instances of the collaboration server on the machine's Redis and PostgreSQL, behind a
// load balancer: edits and presence cross between them, and when one dies its clients
// reconnect to the other without losing a saved edit.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import { seedIfEmpty } from "@/lib/seed/seed-demo-data";
import { redisExtensions } from "@/lib/server/redis-extension";
import { type ClauseClient, eventually, openClause, sessionCookie } from "./test-support/clause-client";
import { type CollabTestServer, startCollabTestServer } from "./test-support/collab-test-server";
import { freshClause } from "./test-support/fresh-clause";
import { startTcpBalancer, type TcpBalancer } from "./test-support/tcp-balancer";

const REDIS_URL = process.env.REDIS_URL;

// Several instances need a Redis server; .ci/run sets REDIS_URL to the machine's.
describe.skipIf(!REDIS_URL)("several instances through Redis", () => {
  const prefix = `clausework-test-${process.pid}-${Date.now()}`;
  let first: CollabTestServer;
  let second: CollabTestServer;
  let balancer: TcpBalancer;
  let clauseId: string;
  let chair: { id: string; name: string };
  let secretariat: { id: string; name: string };
  const clients: ClauseClient[] = [];

  beforeAll(async () => {
    process.env.NEXTAUTH_SECRET ??= "collab-test-secret";
    await seedIfEmpty(prisma);
    // A clause of its own: other test files run at the same time on the same database.
    clauseId = await freshClause("Several instances");
    const chairs = await prisma.user.findMany({
      // The demo instrument's own chairs: other test files add instruments (and chairs) of their own.
      where: { email: { in: ["chair@clausework.demo", "secretariat@clausework.demo"] } },
      orderBy: { email: "asc" },
    });
    [chair, secretariat] = chairs;
    first = await startCollabTestServer(0, redisExtensions(REDIS_URL, prefix));
    second = await startCollabTestServer(0, redisExtensions(REDIS_URL, prefix));
    balancer = await startTcpBalancer([Number(new URL(first.url).port), Number(new URL(second.url).port)]);
  });

  afterAll(async () => {
    for (const client of clients) client.destroy();
    await balancer?.close();
    await first?.stop().catch(() => {});
    await second?.stop();
  });

  it("carries edits and presence between instances, and survives losing one", async () => {
    const url = `ws://127.0.0.1:${balancer.port}/collab`;
    // Round robin: the first client lands on the first instance, the second on the second.
    const onFirst = openClause(url, clauseId, await sessionCookie(chair.id));
    await onFirst.saved();
    const onSecond = openClause(url, clauseId, await sessionCookie(secretariat.id));
    await onSecond.saved();
    clients.push(onFirst, onSecond);
    expect(first.collab.getConnectionsCount()).toBe(1);
    expect(second.collab.getConnectionsCount()).toBe(1);

    onFirst.appendParagraph("Written through the first instance.");
    onSecond.appendParagraph("Written through the second instance.");
    await eventually(() => onFirst.text().includes("second instance") && onSecond.text().includes("first instance"));

    onFirst.provider.setAwarenessField("user", { name: "anything the client claims" });
    const seenBySecond = () =>
      [...(onSecond.provider.awareness?.getStates().values() ?? [])].some((state) => state.user?.name === chair.name);
    await eventually(seenBySecond);

    const saved = `Saved just before the first instance dies ${Date.now()}`;
    onFirst.appendParagraph(saved);
    await onFirst.saved();
    await first.stop();

    // The client that was on the dead instance comes back through the balancer to the live one.
    await eventually(() => second.collab.getConnectionsCount() === 2, 15_000);
    await onFirst.saved();
    // Stored before the first instance died, so the live one has it (or gets it from the client).
    await eventually(() => onSecond.text().includes(saved));
    const afterFailover = `Written after failover ${Date.now()}`;
    onFirst.appendParagraph(afterFailover);
    await onFirst.saved();
    await eventually(() => onSecond.text().includes(afterFailover));
  });
});
