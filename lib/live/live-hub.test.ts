// The live streams, through the real door (openLiveStream), real PostgreSQL and, for several
// instances, the machine's Redis: two hubs as two instances, an event raised on A read on B.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { setClauseStatus } from "@/lib/admin/set-clause-status";
import { findSessionUser } from "@/lib/auth/find-session-user";
import type { SessionUser } from "@/lib/auth/session-user";
import { signOutEverywhere } from "@/lib/auth/sign-out-everywhere";
import { eventually, sessionCookie } from "@/lib/collab/test-support/clause-client";
import { freshClause } from "@/lib/collab/test-support/fresh-clause";
import { createThread } from "@/lib/comments/create-thread";
import { mentionToken } from "@/lib/comments/mentions";
import { prisma } from "@/lib/db/prisma";
import { DEMO_INSTRUMENT } from "@/lib/seed/demo-instrument";
import { seedIfEmpty } from "@/lib/seed/seed-demo-data";
import type { LiveEvent } from "./live-events";
import { LiveHub, startLiveHub } from "./live-hub";
import { openLiveStream } from "./live-stream-door";
import { raiseClauseChanged } from "./raise-live";

// A marker for Next's bundler only (the door's refusals import it); nothing to run here.
vi.mock("server-only", () => ({}));

const REDIS_URL = process.env.REDIS_URL;
const run = Date.now().toString(36).toUpperCase();

/** A tab's stream: what it has heard, and whether the server ended it. */
type Tab = { status: number; events: LiveEvent[]; ended: Promise<void>; isEnded(): boolean; close(): void };

async function openTab(hub: LiveHub, cookie: string): Promise<Tab> {
  const abort = new AbortController();
  const request = new Request("http://localhost/api/events", { headers: { cookie }, signal: abort.signal });
  const response = await openLiveStream(request, hub);
  const events: LiveEvent[] = [];
  let done = false;
  const ended = (async () => {
    if (!response.body) return;
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    for (;;) {
      const { value, done: finished } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (finished) break;
      for (const line of (value ?? "").split("\n"))
        if (line.startsWith("data: ")) events.push(JSON.parse(line.slice(6)) as LiveEvent);
    }
  })().finally(() => {
    done = true;
  });
  return { status: response.status, events, ended, isEnded: () => done, close: () => abort.abort() };
}

function summariesOf(tab: Tab, clauseId: string) {
  return tab.events.flatMap((e) => (e.type === "clause.summary" && e.clause.id === clauseId ? [e.clause] : []));
}

/** A fresh person in a fresh organisation taking part in the demo instrument (their sessions are theirs to end). */
async function freshPerson(instrumentId: string, code: string, active = true) {
  const organization = await prisma.organization.create({
    data: {
      name: `Live ${code}`,
      code: `${code}${run}`.slice(0, 12),
      kind: "MEMBER_STATE",
      colour: "#336699",
      participants: { create: { instrumentId, role: "DELEGATE" } },
    },
  });
  const user = await prisma.user.create({
    data: {
      email: `live-${code}-${run}@example.org`.toLowerCase(),
      name: `Live ${code}`,
      active,
      memberships: { create: { organizationId: organization.id } },
    },
  });
  return { id: user.id, organizationId: organization.id, cookie: await sessionCookie(user.id) };
}

let instrumentId: string;
let chair: SessionUser;
let chairCookie: string;
const hubs: LiveHub[] = [];
const tabs: Tab[] = [];

beforeAll(async () => {
  process.env.NEXTAUTH_SECRET ??= "live-hub-test-secret";
  await seedIfEmpty(prisma);
  // The demo instrument by name: other test files create instruments of their own meanwhile.
  instrumentId = (await prisma.instrument.findUniqueOrThrow({ where: { slug: DEMO_INSTRUMENT.slug } })).id;
  const chairUser = await prisma.user.findUniqueOrThrow({ where: { email: "chair@clausework.demo" } });
  chair = (await findSessionUser(chairUser.id)) as SessionUser;
  chairCookie = await sessionCookie(chair.id);
});

afterAll(async () => {
  for (const tab of tabs) tab.close();
  await Promise.all(hubs.map((hub) => hub.stop()));
});

async function tab(hub: LiveHub, cookie: string) {
  const opened = await openTab(hub, cookie);
  tabs.push(opened);
  return opened;
}

describe("one instance, without Redis", () => {
  it("sends a clause's new summary to a stream on the same instance", async () => {
    const hub = new LiveHub({});
    hubs.push(hub);
    await hub.start();
    const clauseId = await freshClause("Live alone");
    const chairTab = await tab(hub, chairCookie);
    expect(chairTab.status).toBe(200);
    await prisma.clause.update({ where: { id: clauseId }, data: { status: "AGREED" } });
    hub.raise({ kind: "clause", clauseId });
    await eventually(() => summariesOf(chairTab, clauseId).some((s) => s.status === "AGREED"));
  });

  it("refuses a stream without a session, and one of a deactivated person", async () => {
    const hub = new LiveHub({});
    hubs.push(hub);
    await hub.start();
    expect((await openTab(hub, "")).status).toBe(401);
    const gone = await freshPerson(instrumentId, "OFF", false);
    const refused = await openTab(hub, gone.cookie);
    expect(refused.status).toBe(401);
    expect(hub.size).toBe(0);
  });
});

describe.skipIf(!REDIS_URL)("several instances through Redis", () => {
  let a: LiveHub;
  let b: LiveHub;

  beforeAll(async () => {
    const channel = `clausework:live-test-${run}`;
    // A is this process's hub: real commands raise their signals into it.
    a = await startLiveHub({ redisUrl: REDIS_URL, channel });
    b = new LiveHub({ redisUrl: REDIS_URL, channel });
    await b.start();
    hubs.push(a, b);
  });

  it("a status change by the chair on A reaches a stream on B, with the clause's counts", async () => {
    const clauseId = await freshClause("Live status");
    const onB = await tab(b, chairCookie);
    await setClauseStatus(chair, { instrumentId, clauseId, status: "AGREED_AD_REF" });
    await eventually(() => summariesOf(onB, clauseId).some((s) => s.status === "AGREED_AD_REF"));
    expect(summariesOf(onB, clauseId).at(-1)).toMatchObject({ openThreads: 0, openProposals: 0 });
  });

  it("a comment's mention on A rings the mentioned person's stream on B; the new thread counts", async () => {
    const clauseId = await freshClause("Live mention");
    const mentioned = await freshPerson(instrumentId, "MEN");
    const theirs = await tab(b, mentioned.cookie);
    const chairsOnB = await tab(b, chairCookie);
    await createThread(chair, {
      clauseId,
      body: `Please look at this, ${mentionToken("user", mentioned.id, "Live MEN")}.`,
    });
    await eventually(() => theirs.events.some((e) => e.type === "notifications.changed"));
    await eventually(() => summariesOf(chairsOnB, clauseId).some((s) => s.openThreads === 1));
    // Nobody else's bell rings.
    expect(chairsOnB.events.some((e) => e.type === "notifications.changed")).toBe(false);
  });

  it("a person who may not see a restricted clause hears nothing about it", async () => {
    const restricted = await freshClause("Live restricted");
    const open = await freshClause("Live open");
    const insider = await freshPerson(instrumentId, "INS");
    const outsider = await freshPerson(instrumentId, "OUT");
    await prisma.clauseRestriction.create({ data: { clauseId: restricted, organizationId: insider.organizationId } });
    const insiderTab = await tab(b, insider.cookie);
    const outsiderTab = await tab(b, outsider.cookie);

    await prisma.clause.update({ where: { id: restricted }, data: { status: "AGREED" } });
    raiseClauseChanged(restricted);
    await eventually(() => summariesOf(insiderTab, restricted).length > 0);
    // Then a change everyone sees: once the outsider has it, anything sent before has arrived too.
    await prisma.clause.update({ where: { id: open }, data: { status: "AGREED" } });
    raiseClauseChanged(open);
    await eventually(() => summariesOf(outsiderTab, open).length > 0);
    expect(JSON.stringify(outsiderTab.events)).not.toContain(restricted);
  });

  it("signing out everywhere on A ends the person's stream on B, and only theirs", async () => {
    const leaving = await freshPerson(instrumentId, "SGN");
    const staying = await freshPerson(instrumentId, "STY");
    const leavingTab = await tab(b, leaving.cookie);
    const stayingTab = await tab(b, staying.cookie);
    expect(await signOutEverywhere({ uid: leaving.id })).toBe(true);
    await leavingTab.ended;
    // Its cookie opens no new stream either.
    expect((await openTab(b, leaving.cookie)).status).toBe(401);
    expect(stayingTab.isEnded()).toBe(false);
  });
});
