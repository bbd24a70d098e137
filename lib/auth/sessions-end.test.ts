// Sessions end when they should: signing out, setting a new password through a link, and being
// deactivated end every session of the person — a token from before (a copied cookie) is refused
// by the session lookup pages and route handlers use, and by the collaboration socket, and the
// person's open sockets close at once, on every instance. Real PostgreSQL, a real collaboration
// server with real providers over websockets, Redis between two instances.
import type { Session } from "next-auth";
import { encode, type JWT } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { DEACTIVATED } from "@/lib/access/access-messages";
import type { CollabContext } from "@/lib/collab/collab-context";
import { type ClauseClient, eventually, openClause } from "@/lib/collab/test-support/clause-client";
import { type CollabTestServer, startCollabTestServer } from "@/lib/collab/test-support/collab-test-server";
import { prisma } from "@/lib/db/prisma";
import { issueInvitation } from "@/lib/people/invitation-token";
import { DEMO_INSTRUMENT } from "@/lib/seed/demo-instrument";
import { seedIfEmpty } from "@/lib/seed/seed-demo-data";
import type { SessionUser } from "./session-user";

vi.mock("server-only", () => ({}));
// The administration door asks next-auth for the signed-in person; here it is the chair.
const signedIn = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/auth/current-user", () => ({
  getCurrentUser: async () => signedIn.user,
  requireUser: async () => signedIn.user,
}));

const { authOptions } = await import("./options");
const { sessionFromCookie } = await import("./session-cookie");
const { findSessionUser } = await import("./find-session-user");
const { acceptInvitation } = await import("@/lib/people/accept-invitation");
const { setPersonActive } = await import("@/lib/admin/set-person-active");
const { passwordSignIn } = await import("./password-sign-in");
const { SESSION_RECHECK_MS } = await import("@/lib/access/live-access-extension");

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const callbacks = authOptions.callbacks as Required<NonNullable<typeof authOptions.callbacks>>;
const events = authOptions.events as Required<NonNullable<typeof authOptions.events>>;
const run = Date.now().toString(36).toUpperCase();
let instrumentId: string;
let organizationId: string;
let clauseId: string;

/** Signs in as next-auth does after a successful sign-in: the token the cookie carries. */
async function signInToken(userId: string): Promise<JWT> {
  // biome-ignore lint/suspicious/noExplicitAny: next-auth's callback parameters are wide unions; only these fields are read.
  return (await callbacks.jwt({ token: {}, user: { id: userId } } as any)) as JWT;
}
async function cookieOf(token: JWT): Promise<string> {
  return `next-auth.session-token=${await encode({ token, secret: process.env.NEXTAUTH_SECRET as string })}`;
}
/** The person pages and route handlers get for this token (getServerSession runs this callback). */
async function personFor(token: JWT): Promise<string | undefined> {
  // biome-ignore lint/suspicious/noExplicitAny: as above.
  const session = (await callbacks.session({ session: { expires: "" } as Session, token } as any)) as Session;
  return session.user?.organizationId ? session.user.id : undefined;
}

async function person(name: string) {
  const user = await prisma.user.create({
    data: {
      email: `${name.replace(/\W/g, "-")}-${run}@example.org`.toLowerCase(),
      name,
      memberships: { create: { organizationId } },
    },
  });
  return user.id;
}

/** A client with the close reasons it has received. */
function watch(client: ClauseClient) {
  const closeReasons: string[] = [];
  client.provider.on("close", ({ event }: { event?: { reason?: string } }) => closeReasons.push(event?.reason ?? ""));
  return closeReasons;
}

beforeAll(async () => {
  process.env.NEXTAUTH_SECRET ??= "sessions-end-test-secret";
  await seedIfEmpty(prisma);
  const instrument = await prisma.instrument.findUniqueOrThrow({ where: { slug: DEMO_INSTRUMENT.slug } });
  instrumentId = instrument.id;
  organizationId = (
    await prisma.organization.create({
      data: {
        name: `Sessions ${run}`,
        code: `SES${run}`.slice(0, 12),
        kind: "MEMBER_STATE",
        colour: "#225588",
        participants: { create: { instrumentId, role: "DELEGATE" } },
      },
    })
  ).id;
  const chapter = await prisma.chapter.create({
    data: { instrumentId, number: `S${run}`, title: "Sessions", position: 5000 + Math.floor(Math.random() * 100000) },
  });
  clauseId = (
    await prisma.clause.create({
      data: { instrumentId, chapterId: chapter.id, number: "S1", title: "Sessions", position: 0 },
    })
  ).id;
  const chair = await prisma.membership.findFirstOrThrow({
    where: { organization: { participants: { some: { instrumentId, role: "CHAIR" } } } },
  });
  signedIn.user = await findSessionUser(chair.userId);
});

describe("the session lookup", () => {
  it("refuses, after sign-out, every token of the person issued before — and only those", async () => {
    const userId = await person("Signing Out");
    const here = await signInToken(userId);
    const copied = await signInToken(userId); // another device, or a stolen cookie
    expect(await personFor(here)).toBe(userId);
    expect((await sessionFromCookie(await cookieOf(copied)))?.user.id).toBe(userId);

    await events.signOut({ token: here, session: undefined as never });

    expect(await personFor(here)).toBeUndefined();
    expect(await personFor(copied)).toBeUndefined();
    expect(await sessionFromCookie(await cookieOf(copied))).toBeNull();
    // Signing in again works, and an old token signing out again cannot end the new session.
    const again = await signInToken(userId);
    expect(await personFor(again)).toBe(userId);
    await events.signOut({ token: copied, session: undefined as never });
    expect(await personFor(again)).toBe(userId);
    expect(await prisma.auditEvent.count({ where: { action: "signout", targetType: "user", targetId: userId } })).toBe(
      1,
    );
  });

  it("refuses, after a new password through a sign-in link, every token issued before, and forgets the failed guesses", async () => {
    const userId = await person("New Password");
    const email = (await prisma.user.findUniqueOrThrow({ where: { id: userId } })).email;
    const before = await signInToken(userId);
    expect(await personFor(before)).toBe(userId);
    await prisma.signInAttempt.createMany({
      data: Array.from({ length: 5 }, () => ({ email, address: "198.20.0.1", succeeded: false })),
    });
    const { link } = await prisma.$transaction((tx) => issueInvitation(tx, userId, userId));
    const token = link.split("/").at(-1) as string;

    const password = "a new passphrase of four words";
    expect(await acceptInvitation({ token, password })).toEqual({ email });

    expect(await personFor(before)).toBeUndefined();
    expect(await sessionFromCookie(await cookieOf(before))).toBeNull();
    // The guesses made against the old password no longer hold the account back.
    expect(await passwordSignIn({ email, password }, { "x-forwarded-for": "198.20.0.1" })).toEqual({ id: userId });
    expect(await personFor(await signInToken(userId))).toBe(userId);
  });

  it("refuses, after deactivation, every token issued before — and still after reactivation", async () => {
    const userId = await person("Deactivated");
    const before = await signInToken(userId);
    expect(await personFor(before)).toBe(userId);
    const chair = signedIn.user as SessionUser;
    expect(await setPersonActive(chair, { instrumentId, userId, active: false })).toMatchObject({ changed: true });
    expect(await personFor(before)).toBeUndefined();
    expect(await setPersonActive(chair, { instrumentId, userId, active: true })).toMatchObject({ changed: true });
    expect(await personFor(before)).toBeUndefined();
    expect(await sessionFromCookie(await cookieOf(before))).toBeNull();
    expect(await personFor(await signInToken(userId))).toBe(userId);
  });
});

describe("open sockets of an ended session", () => {
  let server: CollabTestServer;

  beforeAll(async () => {
    server = await startCollabTestServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("close at once on sign-out, every one of the person's, and reconnecting is refused", async () => {
    const userId = await person("Socket Sign Out");
    const colleague = await person("Socket Colleague");
    const token = await signInToken(userId);
    const laptop = openClause(server.url, clauseId, await cookieOf(token));
    const phone = openClause(server.url, clauseId, await cookieOf(await signInToken(userId)));
    const other = openClause(server.url, clauseId, await cookieOf(await signInToken(colleague)));
    const closed = [laptop, phone, other].map(watch);
    await Promise.all([laptop, phone, other].map((c) => c.authenticated));

    await events.signOut({ token, session: undefined as never });

    await eventually(() => closed[0].includes(DEACTIVATED) && closed[1].includes(DEACTIVATED));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(closed[2]).toEqual([]);
    const again = openClause(server.url, clauseId, await cookieOf(token));
    await expect(again.refused).resolves.toMatch(/session has ended/i);
    for (const c of [laptop, phone, other, again]) c.destroy();
  });

  it("close at their next message when the session ended without a word reaching them", async () => {
    const userId = await person("Socket Unannounced");
    const client = openClause(server.url, clauseId, await cookieOf(await signInToken(userId)));
    const closed = watch(client);
    await client.authenticated;
    await eventually(() => client.provider.synced);
    // Ended behind the socket's back (as when the announcement was lost with Redis down) …
    await prisma.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
    client.provider.sendStateless("ping");
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(closed).toEqual([]); // … confirmed recently: the socket is not asked again yet.
    // Once the last confirmation is older than SESSION_RECHECK_MS, the next message asks the database.
    for (const document of server.collab.documents.values()) {
      for (const connection of document.getConnections()) {
        const context = connection.context as CollabContext;
        if (context.user.id === userId) context.sessionCheckedAt = Date.now() - SESSION_RECHECK_MS - 1;
      }
    }
    client.provider.sendStateless("ping");
    await eventually(() => closed.includes(DEACTIVATED));
    client.destroy();
  });
});

describe("open sockets on other instances", () => {
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

  it("close at once when the person signs out through another instance", async () => {
    const userId = await person("Remote Sign Out");
    const token = await signInToken(userId);
    const client = openClause(first.url, clauseId, await cookieOf(token));
    const closed = watch(client);
    await client.authenticated;
    await events.signOut({ token, session: undefined as never });
    await eventually(() => closed.includes(DEACTIVATED));
    client.destroy();
  });
});
