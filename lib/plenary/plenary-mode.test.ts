// Plenary mode on the real collaboration server with real providers: who may present, what a
// view may hold, and what a following screen may do (read, nothing else) and receive (the view,
// never anyone's presence) — on one instance, and across two sharing Redis.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { clauseDocumentName } from "@/lib/collab/clause-document-name";
import { eventually, sessionCookie } from "@/lib/collab/test-support/clause-client";
import { type CollabTestServer, startCollabTestServer } from "@/lib/collab/test-support/collab-test-server";
import { freshClause } from "@/lib/collab/test-support/fresh-clause";
import { prisma } from "@/lib/db/prisma";
import { CLAUSE_FRAGMENT } from "@/lib/editor/extensions";
import { seedIfEmpty } from "@/lib/seed/seed-demo-data";
import { redisExtensions } from "@/lib/server/redis-extension";
import { PLENARY_REFUSALS } from "./plenary-extension";
import type { PlenaryMessage } from "./plenary-messages";
import { openAsFollower, openAsParticipant, type PlenaryClient, viewOf } from "./test-support/plenary-client";

const REDIS_URL = process.env.REDIS_URL;

const views = (client: PlenaryClient) => client.heard.filter((m) => m.type === "plenary.view");
const states = (client: PlenaryClient) =>
  client.heard.filter((m): m is Extract<PlenaryMessage, { type: "plenary.state" }> => m.type === "plenary.state");
const refusals = (client: PlenaryClient) =>
  client.heard.flatMap((m) => (m.type === "plenary.refused" ? [m.message] : []));
const lastState = (client: PlenaryClient) => states(client).at(-1)?.presentation;
/** The chair writes three paragraphs, so views have paragraphs 0 to 3 at least to point at. */
async function threeParagraphs(chair: PlenaryClient) {
  for (const words of ["First.", "Second.", "Third."]) chair.appendParagraph(words);
  await chair.saved();
}
/** Long enough for a message the server would relay to have arrived. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

describe("plenary mode", () => {
  let server: CollabTestServer;
  /** Two instances sharing live documents through Redis, when there is one. */
  let first: CollabTestServer;
  let second: CollabTestServer;
  const prefix = `clausework-plenary-${process.pid}-${Date.now()}`;
  const cookies: Record<"chair" | "delegate" | "reader", string> = {} as never;
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

  it("lets the chair present: participants are offered to follow, followers see the view, and when it ends", async () => {
    const clauseId = await freshClause("plenary: presenting");
    const chair = await join(openAsParticipant, clauseId, "chair");
    await threeParagraphs(chair);
    const delegate = await join(openAsParticipant, clauseId, "delegate");
    const follower = await join(openAsFollower, clauseId, "reader");

    chair.send({ type: "plenary.start" });
    await eventually(() => lastState(delegate)?.clauseId === clauseId && lastState(follower)?.clauseId === clauseId);
    expect(lastState(delegate)?.presenterName).toBe("Inés Valderrama");

    chair.send(viewOf(chair.doc, 1, 1));
    await eventually(() => views(follower).length === 1);
    expect(views(follower)[0]).toMatchObject({ clauseId, focus: 1, top: 1 });
    // The view goes to following screens only, not to everyone in the clause.
    expect(views(delegate)).toHaveLength(0);

    // A screen that starts following later is given the view at once.
    const late = await join(openAsFollower, clauseId, "delegate");
    await eventually(() => views(late).length === 1 && lastState(late)?.clauseId === clauseId);

    chair.send({ type: "plenary.stop" });
    await eventually(() => lastState(follower) === null && lastState(delegate) === null);
    expect(refusals(chair)).toEqual([]);
  });

  it("refuses a presentation from anyone who may not present, and tells no one", async () => {
    const clauseId = await freshClause("plenary: not the chair");
    const delegate = await join(openAsParticipant, clauseId, "delegate");
    const follower = await join(openAsFollower, clauseId, "reader");

    delegate.send({ type: "plenary.start" });
    await eventually(() => refusals(delegate).length === 1);
    delegate.send(viewOf(delegate.doc, 0));
    await eventually(() => refusals(delegate).length === 2);
    expect(refusals(delegate)).toEqual([PLENARY_REFUSALS.notAllowed, PLENARY_REFUSALS.notPresenting]);
    await settle();
    expect(follower.heard).toEqual([]);
  });

  it("refuses forged, oversized and out-of-clause views, and drops fields it does not know", async () => {
    const clauseId = await freshClause("plenary: forged views");
    const chair = await join(openAsParticipant, clauseId, "chair");
    const follower = await join(openAsFollower, clauseId, "reader");
    chair.send({ type: "plenary.start" });
    await eventually(() => lastState(follower)?.clauseId === clauseId);
    const paragraphs = chair.doc.getXmlFragment(CLAUSE_FRAGMENT).length;

    const honest = viewOf(chair.doc, 0);
    chair.send({ ...honest, focus: paragraphs + 5 }); // a paragraph the clause does not have
    chair.send({ ...honest, top: -1 });
    chair.send({ ...honest, focus: "0" });
    chair.send({
      ...honest,
      selection: { anchor: { item: { client: 1, clock: 99 }, assoc: 0 }, head: honest.selection.head },
    });
    chair.send({ ...honest, padding: "x".repeat(2_000) }); // oversized
    chair.send('{"type":"plenary.view", not json');
    await eventually(() => refusals(chair).length === 5);
    expect(new Set(refusals(chair))).toEqual(new Set([PLENARY_REFUSALS.unreadable]));
    await settle();
    expect(views(follower)).toHaveLength(0);

    chair.send({ ...honest, presenterName: "Someone else", script: "<img onerror>" });
    await eventually(() => views(follower).length === 1);
    expect(Object.keys(views(follower)[0]).sort()).toEqual(["clauseId", "focus", "selection", "top", "type"]);
  });

  it("limits how fast a view may move", async () => {
    const clauseId = await freshClause("plenary: flood");
    const chair = await join(openAsParticipant, clauseId, "chair");
    const follower = await join(openAsFollower, clauseId, "reader");
    chair.send({ type: "plenary.start" });
    await eventually(() => lastState(follower)?.clauseId === clauseId);
    for (let i = 0; i < 60; i++) chair.send(viewOf(chair.doc, 0));
    await eventually(() => views(follower).length + refusals(chair).length === 60);
    expect(refusals(chair).every((why) => why === PLENARY_REFUSALS.tooFast)).toBe(true);
    expect(views(follower).length).toBeLessThan(40);
  });

  it("keeps a following screen read-only and out of the room's presence, both ways", async () => {
    const clauseId = await freshClause("plenary: silent follower");
    const chair = await join(openAsParticipant, clauseId, "chair");
    chair.provider.setAwarenessField("user", { name: "chair" });
    // The chair follows on a second screen (a projector): even the chair's following screen cannot write.
    const follower = await join(openAsFollower, clauseId, "chair");
    expect(await follower.authenticated).toBe("readonly");

    follower.appendParagraph("Written from a following screen");
    follower.provider.setAwarenessField("user", { name: "forged" });
    follower.send({ type: "plenary.start" });
    await eventually(() => refusals(follower).length === 1);
    expect(refusals(follower)).toEqual([PLENARY_REFUSALS.follower]);

    chair.provider.setAwarenessField("cursor", null);
    chair.appendParagraph("The chair writes on");
    await chair.saved();
    await eventually(() => follower.text().includes("The chair writes on"));
    await settle();
    const live = server.collab.documents.get(clauseDocumentName(clauseId));
    expect(live?.getXmlFragment(CLAUSE_FRAGMENT).toString()).not.toContain("Written from a following screen");
    expect(chair.text()).not.toContain("Written from a following screen");
    // Its presence went nowhere, and it was sent nobody's.
    expect(live?.awareness.getStates().has(follower.doc.clientID)).toBe(false);
    expect(chair.provider.awareness?.getStates().has(follower.doc.clientID)).toBe(false);
    expect(follower.provider.awareness?.getStates().has(chair.doc.clientID)).toBe(false);
    expect(live?.awareness.getStates().has(chair.doc.clientID)).toBe(true);
  });

  it("moves following screens to the next article the chair presents", async () => {
    const first = await freshClause("plenary: article one");
    const next = await freshClause("plenary: article two");
    const chairOnFirst = await join(openAsParticipant, first, "chair");
    const follower = await join(openAsFollower, first, "reader");
    chairOnFirst.send({ type: "plenary.start" });
    await eventually(() => lastState(follower)?.clauseId === first);

    // The chair opens the next article and presents it; the socket on the first one closes.
    const chairOnNext = await join(openAsParticipant, next, "chair");
    await threeParagraphs(chairOnNext);
    chairOnNext.send({ type: "plenary.start" });
    chairOnFirst.destroy();
    await eventually(() => lastState(follower)?.clauseId === next);
    const moved = await join(openAsFollower, next, "reader");
    chairOnNext.send(viewOf(chairOnNext.doc, 2));
    await eventually(() => views(moved).some((view) => view.type === "plenary.view" && view.focus === 2));
    // The first clause's socket closing did not end the presentation.
    await new Promise((resolve) => setTimeout(resolve, 3_500));
    expect(lastState(moved)?.clauseId).toBe(next);
    // The presenter leaving for good does.
    chairOnNext.destroy();
    await eventually(() => lastState(moved) === null, 8_000);
  });

  it("refuses to present a clause restricted to some delegations", async () => {
    const clauseId = await freshClause("plenary: restricted");
    const canada = await prisma.organization.findUniqueOrThrow({ where: { code: "CAN" } });
    await prisma.clauseRestriction.create({ data: { clauseId, organizationId: canada.id } });
    const chair = await join(openAsParticipant, clauseId, "chair");
    chair.send({ type: "plenary.start" });
    await eventually(() => refusals(chair).length === 1);
    expect(refusals(chair)).toEqual([PLENARY_REFUSALS.restricted]);
  });

  describe.skipIf(!REDIS_URL)("across instances", () => {
    it("lets a screen on another instance follow, join late, move and see the end", async () => {
      const clauseId = await freshClause("plenary: two instances");
      const next = await freshClause("plenary: two instances, next");
      const chair = await join(openAsParticipant, clauseId, "chair", first);
      await threeParagraphs(chair);
      const follower = await join(openAsFollower, clauseId, "reader", second);
      chair.send({ type: "plenary.start" });
      await eventually(() => lastState(follower)?.clauseId === clauseId);
      chair.send(viewOf(chair.doc, 1));
      await eventually(() => views(follower).length === 1);

      const late = await join(openAsFollower, clauseId, "delegate", second);
      await eventually(() => views(late).length === 1);

      const chairOnNext = await join(openAsParticipant, next, "chair", first);
      chairOnNext.send({ type: "plenary.start" });
      await eventually(() => lastState(follower)?.clauseId === next);
      chairOnNext.send({ type: "plenary.stop" });
      await eventually(() => lastState(follower) === null && lastState(late) === null);
      expect(Y.encodeStateVector(follower.doc).length).toBeGreaterThan(0);
    });
  });
});
