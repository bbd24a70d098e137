// Plenary mode against hostile or unlucky clients on the real collaboration server: a clause
// restricted while it is presented, a follower whose access is taken away, a flood of starts, and
// a presenter whose socket comes back on another instance, and a forged message on the instances'
// Redis channel.
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { announceAccessChange } from "@/lib/access/announce-access-change";
import { eventually, sessionCookie } from "@/lib/collab/test-support/clause-client";
import { type CollabTestServer, startCollabTestServer } from "@/lib/collab/test-support/collab-test-server";
import { freshClause } from "@/lib/collab/test-support/fresh-clause";
import { prisma } from "@/lib/db/prisma";
import { seedIfEmpty } from "@/lib/seed/seed-demo-data";
import { redisExtensions } from "@/lib/server/redis-extension";
import { PLENARY_REFUSALS, PRESENTER_GRACE_MS } from "./plenary-extension";
import type { PlenaryMessage } from "./plenary-messages";
import { openAsFollower, openAsParticipant, type PlenaryClient, viewOf } from "./test-support/plenary-client";

const REDIS_URL = process.env.REDIS_URL;

const views = (client: PlenaryClient) => client.heard.filter((m) => m.type === "plenary.view");
const states = (client: PlenaryClient) =>
  client.heard.filter((m): m is Extract<PlenaryMessage, { type: "plenary.state" }> => m.type === "plenary.state");
const refusals = (client: PlenaryClient) =>
  client.heard.flatMap((m) => (m.type === "plenary.refused" ? [m.message] : []));
const lastState = (client: PlenaryClient) => states(client).at(-1)?.presentation;
const settle = (ms = 300) => new Promise((resolve) => setTimeout(resolve, ms));

describe("plenary mode against hostile clients", () => {
  let server: CollabTestServer;
  let first: CollabTestServer;
  let second: CollabTestServer;
  const prefix = `clausework-plenary-hostile-${process.pid}-${Date.now()}`;
  const cookies: Record<"chair" | "secretariat" | "delegate" | "reader", string> = {} as never;
  const open: PlenaryClient[] = [];

  const join = async (
    how: typeof openAsParticipant,
    clauseId: string,
    who: keyof typeof cookies,
    at: CollabTestServer = server,
  ) => {
    const client = how(at.url, clauseId, cookies[who]);
    open.push(client);
    await client.authenticated;
    await client.saved();
    return client;
  };

  beforeAll(async () => {
    process.env.NEXTAUTH_SECRET ??= "collab-test-secret";
    await seedIfEmpty(prisma);
    const id = async (email: string) => (await prisma.user.findUniqueOrThrow({ where: { email } })).id;
    cookies.chair = await sessionCookie(await id("chair@clausework.demo"));
    cookies.secretariat = await sessionCookie(await id("secretariat@clausework.demo"));
    cookies.delegate = await sessionCookie(await id("canada@clausework.demo"));
    cookies.reader = await sessionCookie(await id("press@clausework.demo"));
    server = await startCollabTestServer();
    if (REDIS_URL) {
      first = await startCollabTestServer(0, redisExtensions(REDIS_URL, prefix));
      second = await startCollabTestServer(0, redisExtensions(REDIS_URL, prefix));
    }
  });

  afterAll(async () => {
    for (const client of open) client.destroy();
    await server?.stop();
    await first?.stop();
    await second?.stop();
  });

  it("tells nobody who may not see it of a clause restricted after it began to be presented", async () => {
    const presented = await freshClause("plenary: restricted while presented");
    const elsewhere = await freshClause("plenary: another article");
    const chair = await join(openAsParticipant, presented, "chair");
    const follower = await join(openAsFollower, presented, "reader");
    chair.send({ type: "plenary.start" });
    await eventually(() => lastState(follower)?.clauseId === presented);

    const closed = new Promise((resolve) => follower.provider.on("close", resolve));
    const canada = await prisma.organization.findUniqueOrThrow({ where: { code: "CAN" } });
    await prisma.clauseRestriction.create({ data: { clauseId: presented, organizationId: canada.id } });
    announceAccessChange({ clauseId: presented });

    // The press's following screen is closed: it sees no more of the text, nor any view.
    await closed;
    chair.send(viewOf(chair.doc, 0));
    await settle();
    expect(views(follower)).toHaveLength(0);

    // The press opening another article is not told the restricted clause's number or title.
    const press = await join(openAsParticipant, elsewhere, "reader");
    await settle();
    expect(states(press).filter((state) => state.presentation?.clauseId === presented)).toEqual([]);
  });

  it("refuses a flood of starts before it reaches the instrument's other clauses", async () => {
    const presented = await freshClause("plenary: start flood");
    const elsewhere = await freshClause("plenary: start flood, elsewhere");
    const chair = await join(openAsParticipant, presented, "chair");
    const delegate = await join(openAsParticipant, elsewhere, "delegate");
    for (let i = 0; i < 60; i++) chair.send({ type: "plenary.start" });
    await eventually(() => states(delegate).length + refusals(chair).length >= 60);
    expect(new Set(refusals(chair))).toEqual(new Set([PLENARY_REFUSALS.tooFast]));
    expect(states(delegate).length).toBeLessThan(40);
    expect(lastState(delegate)?.clauseId).toBe(presented);
  });

  it("gives the plenary to the last of two chairs who present: the other can neither move nor end it", async () => {
    const first = await freshClause("plenary: the chair's article");
    const second = await freshClause("plenary: the secretariat's article");
    const chair = await join(openAsParticipant, first, "chair");
    const secretariat = await join(openAsParticipant, second, "secretariat");
    for (const words of ["First.", "Second."]) secretariat.appendParagraph(words);
    await secretariat.saved();
    const follower = await join(openAsFollower, second, "reader");
    chair.send({ type: "plenary.start" });
    await eventually(() => lastState(follower)?.clauseId === first);
    secretariat.send({ type: "plenary.start" });
    await eventually(() => lastState(follower)?.clauseId === second);

    chair.send(viewOf(chair.doc, 0));
    chair.send({ type: "plenary.stop" });
    await eventually(() => refusals(chair).length === 2);
    expect(refusals(chair)).toEqual([PLENARY_REFUSALS.notPresenting, PLENARY_REFUSALS.notPresenting]);
    // The chair's socket closing does not end the secretariat's presentation either.
    chair.destroy();
    await settle(PRESENTER_GRACE_MS + 500);
    expect(lastState(follower)?.clauseId).toBe(second);
    secretariat.send(viewOf(secretariat.doc, 1));
    await eventually(() => views(follower).length === 1);
  });

  /** A second instrument that Canada chairs (and the press is not part of), with one clause. */
  async function instrumentCanadaChairs(): Promise<string> {
    const canada = await prisma.organization.findUniqueOrThrow({ where: { code: "CAN" } });
    const tag = `${process.pid}-${Date.now()}`;
    const instrument = await prisma.instrument.create({
      data: {
        slug: `plenary-other-${tag}`,
        title: "Another instrument",
        shortTitle: "Other",
        participants: { create: [{ organizationId: canada.id, role: "CHAIR" }] },
      },
    });
    const chapter = await prisma.chapter.create({
      data: { instrumentId: instrument.id, number: "I", title: "Chapter", position: 1 },
    });
    const clause = await prisma.clause.create({
      data: {
        instrumentId: instrument.id,
        chapterId: chapter.id,
        number: "1",
        title: "Elsewhere",
        topics: [],
        position: 1,
      },
    });
    return clause.id;
  }

  it("lets the chair of another instrument neither present this one's clause nor move its followers", async () => {
    const theirs = await instrumentCanadaChairs();
    const ours = await freshClause("plenary: not their instrument");
    const follower = await join(openAsFollower, ours, "reader");
    const canadaHere = await join(openAsParticipant, ours, "delegate");
    canadaHere.send({ type: "plenary.start" });
    await eventually(() => refusals(canadaHere).length === 1);
    expect(refusals(canadaHere)).toEqual([PLENARY_REFUSALS.notAllowed]);

    // Presenting their own instrument's clause reaches only that instrument's screens.
    const canadaThere = await join(openAsParticipant, theirs, "delegate");
    canadaThere.send({ type: "plenary.start" });
    await eventually(() => lastState(canadaThere)?.clauseId === theirs);
    await settle();
    // (Other tests' presentations of this instrument may be running: only theirs matters here.)
    const told = (client: PlenaryClient) => states(client).filter((state) => state.presentation?.clauseId === theirs);
    expect(told(follower)).toEqual([]);
    expect(told(canadaHere)).toEqual([]);
  });

  it("refuses a following screen to a person who is not part of the instrument", async () => {
    const theirs = await instrumentCanadaChairs();
    const press = openAsFollower(server.url, theirs, cookies.reader);
    open.push(press);
    const failed = new Promise<string>((resolve) =>
      press.provider.on("authenticationFailed", ({ reason }: { reason: string }) => resolve(reason)),
    );
    expect(await failed).toBeTruthy();
    expect(press.heard).toEqual([]);
    expect(press.text()).toBe("");
  });

  describe.skipIf(!REDIS_URL)("across instances", () => {
    it("keeps a presentation whose presenter came back on another instance", async () => {
      const clauseId = await freshClause("plenary: presenter moves instance");
      const chairOnFirst = await join(openAsParticipant, clauseId, "chair", first);
      const follower = await join(openAsFollower, clauseId, "reader", second);
      chairOnFirst.send({ type: "plenary.start" });
      await eventually(() => lastState(follower)?.clauseId === clauseId);

      // The chair's socket drops, and the balancer sends it back to the other instance.
      chairOnFirst.destroy();
      const chairOnSecond = await join(openAsParticipant, clauseId, "chair", second);
      chairOnSecond.send({ type: "plenary.start" });
      await eventually(() => states(follower).length >= 2);
      await settle(PRESENTER_GRACE_MS + 1_000);
      expect(lastState(follower)?.clauseId).toBe(clauseId);
      expect(refusals(chairOnSecond)).toEqual([]);
    });

    it("ignores a relayed presentation sent under another instrument than its own", async () => {
      const clauseId = await freshClause("plenary: forged relay");
      const { instrumentId } = await prisma.clause.findUniqueOrThrow({ where: { id: clauseId } });
      const follower = await join(openAsFollower, clauseId, "reader", second);
      const forged = {
        instrumentId: "11111111-1111-4111-8111-111111111111",
        clauseId: "22222222-2222-4222-8222-222222222222",
        number: "99",
        title: "Another instrument's article",
        presenterId: "someone",
        presenterName: "Someone",
      };
      const envelope = (presentation: object) =>
        JSON.stringify({
          from: "another instance",
          instrumentId,
          message: JSON.stringify({ type: "plenary.state", presentation }),
        });
      const publisher = new Redis(REDIS_URL as string);
      try {
        await publisher.publish(`${prefix}#plenary`, envelope(forged));
        // An honest one after it, so the forged one has had the time to arrive.
        await publisher.publish(`${prefix}#plenary`, envelope({ ...forged, instrumentId, clauseId }));
        await eventually(() => lastState(follower)?.clauseId === clauseId);
        expect(states(follower).filter((state) => state.presentation?.clauseId === forged.clauseId)).toEqual([]);
      } finally {
        publisher.disconnect();
      }
    });
  });
});
