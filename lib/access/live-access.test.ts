// Open sockets follow the rules live: real providers over a real websocket, real PostgreSQL,
// and (for the cross-instance case) the machine's Redis.
import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ABSOLUTE_HOURS, IDLE_MINUTES, SESSION_ACTIVE_MESSAGE } from "@/lib/auth/session-lifetime";
import { type ClauseClient, eventually, openClause, sessionCookie } from "@/lib/collab/test-support/clause-client";
import { type CollabTestServer, startCollabTestServer } from "@/lib/collab/test-support/collab-test-server";
import type { ParticipantRole } from "@/lib/db/generated/client";
import { prisma } from "@/lib/db/prisma";
import { DEMO_INSTRUMENT } from "@/lib/seed/demo-instrument";
import { seedIfEmpty } from "@/lib/seed/seed-demo-data";
import { DEACTIVATED, NO_LONGER_SHARED, SESSION_EXPIRED } from "./access-messages";
import { announceAccessChange } from "./announce-access-change";

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const run = Date.now().toString(36).toUpperCase();
let server: CollabTestServer;
let instrumentId: string;
let clauseId: string;
let chairCookie: string;

/** A fresh organisation with one person, taking part in the demo instrument with `role`. */
async function organisation(code: string, role: ParticipantRole) {
  const organization = await prisma.organization.create({
    data: {
      name: `Test ${code}`,
      code: `${code}${run}`.slice(0, 12),
      kind: "MEMBER_STATE",
      colour: "#336699",
      participants: { create: { instrumentId, role } },
    },
  });
  const person = async (name: string) => {
    const user = await prisma.user.create({
      data: {
        email: `${name}-${run}@example.org`.toLowerCase(),
        name,
        memberships: { create: { organizationId: organization.id } },
      },
    });
    // Delegates write as they must: as proposals of their delegation.
    const author = {
      authorId: user.id,
      authorName: name,
      organizationId: organization.id,
      organizationCode: organization.code,
      organizationName: organization.name,
      colour: organization.colour,
    };
    return { id: user.id, cookie: await sessionCookie(user.id), author };
  };
  return { id: organization.id, person };
}

/** A client with the close reasons and access messages it has received. */
function watch(client: ClauseClient) {
  const closeReasons: string[] = [];
  const messages: string[] = [];
  client.provider.on("close", ({ event }: { event?: { reason?: string } }) => closeReasons.push(event?.reason ?? ""));
  client.provider.on("stateless", ({ payload }: { payload: string }) => messages.push(payload));
  return { closeReasons, messages };
}

async function storedUpdatesBy(userId: string) {
  return prisma.clauseUpdate.count({ where: { clauseId, userId } });
}

beforeAll(async () => {
  process.env.NEXTAUTH_SECRET ??= "live-access-test-secret";
  await seedIfEmpty(prisma);
  const instrument = await prisma.instrument.findUniqueOrThrow({ where: { slug: DEMO_INSTRUMENT.slug } });
  instrumentId = instrument.id;
  const chapter = await prisma.chapter.create({
    data: {
      instrumentId,
      number: `T${run}`,
      title: "Live access tests",
      position: 1000 + Math.floor(Math.random() * 100000),
    },
  });
  clauseId = (
    await prisma.clause.create({
      data: { instrumentId, chapterId: chapter.id, number: "T1", title: "Live access", position: 0 },
    })
  ).id;
  const chair = await prisma.membership.findFirstOrThrow({
    where: { organization: { participants: { some: { instrumentId, role: "CHAIR" } } } },
  });
  chairCookie = await sessionCookie(chair.userId);
  server = await startCollabTestServer();
});

afterAll(async () => {
  await server?.stop();
});

describe("live access on open sockets", () => {
  it("downgrades a delegate to read-only at once when the role becomes reader; its edits then reach nobody", async () => {
    const org = await organisation("DWN", "DELEGATE");
    const delegate = await org.person("Downgraded Delegate");
    const client = openClause(server.url, clauseId, delegate.cookie, { proposeAs: delegate.author });
    const seen = watch(client);
    const chair = openClause(server.url, clauseId, chairCookie);
    await expect(client.authenticated).resolves.toBe("read-write");
    await Promise.all([client.saved(), chair.saved()]);
    client.appendParagraph("Written while a delegate.");
    await client.saved();
    await eventually(() => chair.text().includes("Written while a delegate."));

    await prisma.participant.update({
      where: { instrumentId_organizationId: { instrumentId, organizationId: org.id } },
      data: { role: "READER" },
    });
    announceAccessChange({ organizationId: org.id });
    await eventually(() => seen.messages.some((m) => JSON.parse(m).readOnly === true));

    const before = await storedUpdatesBy(delegate.id);
    client.appendParagraph("Written after becoming a reader.");
    // The chair's own edit after it shows the reader's message was processed (one socket, in order).
    chair.appendParagraph("The chair writes after.");
    await chair.saved();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(chair.text()).not.toContain("Written after becoming a reader.");
    expect(await storedUpdatesBy(delegate.id)).toBe(before);
    expect(seen.closeReasons).toEqual([]); // downgraded in place, not disconnected
    client.destroy();
    chair.destroy();
  });

  it("upgrades a reader to writing in place when the role becomes delegate", async () => {
    const org = await organisation("UPG", "READER");
    const reader = await org.person("Upgraded Reader");
    const client = openClause(server.url, clauseId, reader.cookie, { proposeAs: reader.author });
    const seen = watch(client);
    await expect(client.authenticated).resolves.toBe("readonly");
    await eventually(() => client.provider.synced);
    await prisma.participant.update({
      where: { instrumentId_organizationId: { instrumentId, organizationId: org.id } },
      data: { role: "DELEGATE" },
    });
    announceAccessChange({ organizationId: org.id });
    await eventually(() => seen.messages.some((m) => JSON.parse(m).readOnly === false));
    client.appendParagraph("Now I may write.");
    await eventually(async () => (await storedUpdatesBy(reader.id)) > 0);
    client.destroy();
  });

  it("closes the connections of an organisation removed from the instrument, with a reason", async () => {
    const org = await organisation("RMV", "DELEGATE");
    const delegate = await org.person("Removed Delegate");
    const client = openClause(server.url, clauseId, delegate.cookie, { proposeAs: delegate.author });
    const seen = watch(client);
    await client.saved();
    await prisma.participant.delete({
      where: { instrumentId_organizationId: { instrumentId, organizationId: org.id } },
    });
    announceAccessChange({ organizationId: org.id });
    await eventually(() => seen.closeReasons.includes(NO_LONGER_SHARED));
    const before = await storedUpdatesBy(delegate.id);
    client.appendParagraph("After removal.");
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await storedUpdatesBy(delegate.id)).toBe(before);
    client.destroy();
  });

  it("closes a deactivated person's connections — and only theirs", async () => {
    const org = await organisation("DEA", "DELEGATE");
    const leaving = await org.person("Leaving Delegate");
    const staying = await org.person("Staying Delegate");
    const gone = openClause(server.url, clauseId, leaving.cookie, { proposeAs: leaving.author });
    const kept = openClause(server.url, clauseId, staying.cookie, { proposeAs: staying.author });
    const goneSeen = watch(gone);
    const keptSeen = watch(kept);
    await Promise.all([gone.saved(), kept.saved()]);
    await prisma.user.update({ where: { id: leaving.id }, data: { active: false } });
    // The announcement travels through Redis pub/sub, which keeps nothing for a subscriber that is
    // between connections; a lost one is caught at the socket's next check, so say it again
    // rather than wait for that.
    let announced = 0;
    await eventually(() => {
      if (announced++ % 40 === 0) announceAccessChange({ userId: leaving.id });
      return goneSeen.closeReasons.includes(DEACTIVATED);
    }, 20_000);
    kept.appendParagraph("A colleague keeps working.");
    await kept.saved();
    expect(await storedUpdatesBy(staying.id)).toBeGreaterThan(0);
    expect(keptSeen.closeReasons).toEqual([]);
    // Reconnecting does not help: the session no longer admits them.
    const again = openClause(server.url, clauseId, leaving.cookie, { proposeAs: leaving.author });
    await expect(again.refused).resolves.toMatch(/sign in/i);
    for (const c of [gone, kept, again]) c.destroy();
  });

  it("restricting a clause closes outsiders' connections and keeps insiders'", async () => {
    const insiders = await organisation("INS", "DELEGATE");
    const outsiders = await organisation("OUT", "DELEGATE");
    const insider = await insiders.person("Insider");
    const outsider = await outsiders.person("Outsider");
    const restricted = await prisma.clause.create({
      data: {
        instrumentId,
        chapterId: (await prisma.clause.findUniqueOrThrow({ where: { id: clauseId } })).chapterId,
        number: "T2",
        title: "Informal consultations",
        position: 1,
      },
    });
    const inClient = openClause(server.url, restricted.id, insider.cookie, { proposeAs: insider.author });
    const outClient = openClause(server.url, restricted.id, outsider.cookie);
    const inSeen = watch(inClient);
    const outSeen = watch(outClient);
    await Promise.all([inClient.saved(), outClient.saved()]);
    await prisma.clauseRestriction.create({ data: { clauseId: restricted.id, organizationId: insiders.id } });
    announceAccessChange({ clauseId: restricted.id });
    await eventually(() => outSeen.closeReasons.includes(NO_LONGER_SHARED));
    inClient.appendParagraph("Among the friends of the chair.");
    await inClient.saved();
    expect(inSeen.closeReasons).toEqual([]);
    // To the outsider the clause now does not exist.
    const again = openClause(server.url, restricted.id, outsider.cookie);
    await expect(again.refused).resolves.toMatch(/does not exist/i);
    for (const c of [inClient, outClient, again]) c.destroy();
  });

  it("closes a socket whose session has expired when it next sends something", async () => {
    const org = await organisation("EXP", "DELEGATE");
    const person = await org.person("Expiring Delegate");
    const token = await encode({
      token: { uid: person.id, sub: person.id },
      secret: process.env.NEXTAUTH_SECRET as string,
      maxAge: 2,
    });
    const client = openClause(server.url, clauseId, `next-auth.session-token=${token}`);
    const seen = watch(client);
    await client.saved();
    await new Promise((resolve) => setTimeout(resolve, 2500));
    client.appendParagraph("Typed after the session ended.");
    await eventually(() => seen.closeReasons.includes(SESSION_EXPIRED));
    expect(await storedUpdatesBy(person.id)).toBe(0);
    client.destroy();
  });
});

describe("sessions that end while a socket is open", () => {
  const SECOND = 1000;
  /** A session cookie whose idle limit (or absolute limit) is `endsIn` ms away. */
  async function cookieFor(userId: string, times: { signedInAt: number; activeAt: number }) {
    const token = await encode({
      token: { uid: userId, sub: userId, ...times },
      secret: process.env.NEXTAUTH_SECRET as string,
    });
    return `next-auth.session-token=${token}`;
  }
  const idleEndsIn = (ms: number) => {
    const activeAt = Date.now() - IDLE_MINUTES * 60_000 + ms;
    return { signedInAt: activeAt - 60_000, activeAt };
  };
  const stateless = (client: ClauseClient, payload: string) => client.provider.sendStateless(payload);

  it("refuses to open a socket for a session already idle too long", async () => {
    const org = await organisation("IDL", "DELEGATE");
    const person = await org.person("Idle Delegate");
    const client = openClause(server.url, clauseId, await cookieFor(person.id, idleEndsIn(-SECOND)));
    await expect(client.refused).resolves.toMatch(/session has ended/i);
    client.destroy();
  });

  it("closes an idle socket at its next message, but activity reported in time slides its idle limit", async () => {
    const org = await organisation("SLD", "DELEGATE");
    const active = await org.person("Active Delegate");
    const idle = await org.person("Walked Away Delegate");
    const times = idleEndsIn(2 * SECOND);
    const activeClient = openClause(server.url, clauseId, await cookieFor(active.id, times), {
      proposeAs: active.author,
    });
    const idleClient = openClause(server.url, clauseId, await cookieFor(idle.id, times), { proposeAs: idle.author });
    const activeSeen = watch(activeClient);
    const idleSeen = watch(idleClient);
    await Promise.all([activeClient.saved(), idleClient.saved()]);
    stateless(activeClient, SESSION_ACTIVE_MESSAGE);
    // A forged or unknown message is no activity report.
    stateless(idleClient, JSON.stringify({ type: "session.active", forever: true }));
    await new Promise((resolve) => setTimeout(resolve, 2.5 * SECOND));

    activeClient.appendParagraph("Still at the keyboard.");
    await activeClient.saved();
    expect(await storedUpdatesBy(active.id)).toBeGreaterThan(0);
    expect(activeSeen.closeReasons).toEqual([]);

    idleClient.appendParagraph("Typed after walking away for too long.");
    await eventually(() => idleSeen.closeReasons.includes(SESSION_EXPIRED));
    expect(await storedUpdatesBy(idle.id)).toBe(0);
    for (const c of [activeClient, idleClient]) c.destroy();
  });

  it("closes a socket at the absolute limit from sign-in, however active", async () => {
    const org = await organisation("ABS", "DELEGATE");
    const person = await org.person("Long Day Delegate");
    const now = Date.now();
    const times = { signedInAt: now - ABSOLUTE_HOURS * 3_600_000 + 2 * SECOND, activeAt: now };
    const client = openClause(server.url, clauseId, await cookieFor(person.id, times), { proposeAs: person.author });
    const seen = watch(client);
    await client.saved();
    stateless(client, SESSION_ACTIVE_MESSAGE);
    await new Promise((resolve) => setTimeout(resolve, 2.5 * SECOND));
    stateless(client, SESSION_ACTIVE_MESSAGE);
    client.appendParagraph("Typed after twelve hours.");
    await eventually(() => seen.closeReasons.includes(SESSION_EXPIRED));
    expect(await storedUpdatesBy(person.id)).toBe(0);
    client.destroy();
  });
});

describe("live access across instances", () => {
  let first: CollabTestServer;
  let second: CollabTestServer;
  const original = process.env.REDIS_URL;

  beforeAll(async () => {
    process.env.REDIS_URL = REDIS_URL;
    first = await startCollabTestServer();
    // Started last, the second instance is the one this process announces through.
    second = await startCollabTestServer();
  });

  afterAll(async () => {
    await first?.stop();
    await second?.stop();
    if (original === undefined) delete process.env.REDIS_URL;
    else process.env.REDIS_URL = original;
  });

  it("a role change announced on one instance downgrades a connection held by another, through Redis", async () => {
    const org = await organisation("RDS", "DELEGATE");
    const delegate = await org.person("Remote Delegate");
    const client = openClause(first.url, clauseId, delegate.cookie);
    const seen = watch(client);
    await expect(client.authenticated).resolves.toBe("read-write");
    await prisma.participant.update({
      where: { instrumentId_organizationId: { instrumentId, organizationId: org.id } },
      data: { role: "OBSERVER" },
    });
    announceAccessChange({ organizationId: org.id });
    await eventually(() => seen.messages.some((m) => JSON.parse(m).readOnly === true));
    client.destroy();
  });
});
