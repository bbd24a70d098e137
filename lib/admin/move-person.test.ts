// Moving a person to another organisation, on a real PostgreSQL with a real collaboration
// server and real providers: the move is audited, and the person's open clause rooms are
// checked again at once — closed where the new organisation may not see the clause, closed
// with a reason elsewhere (the page speaks for the old one) — while colleagues keep working.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DELEGATION_CHANGED, NO_LONGER_SHARED } from "@/lib/access/access-messages";
import { findSessionUser } from "@/lib/auth/find-session-user";
import type { SessionUser } from "@/lib/auth/session-user";
import { proposalsInClause } from "@/lib/clause-model/proposals-in-clause";
import { loadClauseState } from "@/lib/collab/clause-store";
import { type ClauseClient, eventually, openClause, sessionCookie } from "@/lib/collab/test-support/clause-client";
import { type CollabTestServer, startCollabTestServer } from "@/lib/collab/test-support/collab-test-server";
import type { ParticipantRole } from "@/lib/db/generated/client";
import { prisma } from "@/lib/db/prisma";
import { isAppError } from "@/lib/errors/app-error";
import { clauseForExport } from "@/lib/exports/clause-for-export";
import { DEMO_INSTRUMENT } from "@/lib/seed/demo-instrument";
import { seedIfEmpty } from "@/lib/seed/seed-demo-data";
import { movePerson } from "./move-person";

const run = Date.now().toString(36).toUpperCase();
let server: CollabTestServer;
let instrumentId: string;
let openClauseId: string;
let secretariat: SessionUser;

async function organisation(code: string, role: ParticipantRole | null) {
  return prisma.organization.create({
    data: {
      name: `Move ${code}`,
      code: `${code}${run}`.slice(0, 12),
      kind: "MEMBER_STATE",
      colour: "#336699",
      ...(role ? { participants: { create: { instrumentId, role } } } : {}),
    },
  });
}

async function person(name: string, organizationId: string) {
  const user = await prisma.user.create({
    data: {
      email: `${name.replace(/\W/g, "-")}-${run}@example.org`.toLowerCase(),
      name,
      memberships: { create: { organizationId } },
    },
  });
  return { id: user.id, cookie: await sessionCookie(user.id) };
}

/** The proposal identity a delegation's client stamps on what it writes. */
async function authorFor(userId: string) {
  const user = await findSessionUser(userId);
  if (!user) throw new Error("no session user");
  return {
    authorId: user.id,
    authorName: user.name,
    organizationId: user.organizationId,
    organizationCode: user.organizationCode,
    organizationName: user.organizationName,
    colour: user.colour,
  };
}

function closeReasons(client: ClauseClient): string[] {
  const reasons: string[] = [];
  client.provider.on("close", ({ event }: { event?: { reason?: string } }) => reasons.push(event?.reason ?? ""));
  return reasons;
}

async function clause(number: string, restrictedTo: string[] = []) {
  const chapter = await prisma.chapter.findFirstOrThrow({ where: { instrumentId }, orderBy: { position: "asc" } });
  const last = await prisma.clause.findFirst({ where: { chapterId: chapter.id }, orderBy: { position: "desc" } });
  return prisma.clause.create({
    data: {
      instrumentId,
      chapterId: chapter.id,
      number,
      title: `Move test ${number}`,
      position: (last?.position ?? 0) + 1,
      restrictions: { create: restrictedTo.map((organizationId) => ({ organizationId })) },
    },
  });
}

const movesOf = (userId: string) => prisma.auditEvent.findMany({ where: { action: "person.moved", targetId: userId } });
const membershipsOf = async (userId: string) =>
  (await prisma.membership.findMany({ where: { userId } })).map((m) => m.organizationId);

beforeAll(async () => {
  process.env.NEXTAUTH_SECRET ??= "move-person-test-secret";
  await seedIfEmpty(prisma);
  instrumentId = (await prisma.instrument.findUniqueOrThrow({ where: { slug: DEMO_INSTRUMENT.slug } })).id;
  const chair = await prisma.user.findUniqueOrThrow({ where: { email: "secretariat@clausework.demo" } });
  secretariat = (await findSessionUser(chair.id)) as SessionUser;
  openClauseId = (await clause(`M${run}`)).id;
  server = await startCollabTestServer();
});

afterAll(async () => {
  await server?.stop();
});

describe("moving a person to another organisation", () => {
  it("closes their restricted clause as no longer shared and their open clause with a reason; colleagues stay; audited from → to", async () => {
    const from = await organisation("MFR", "DELEGATE");
    const to = await organisation("MTO", "DELEGATE");
    const consultations = await clause(`MR${run}`, [from.id]);
    const mover = await person("Moving Delegate", from.id);
    const colleague = await person("Staying Colleague", from.id);
    const oldIdentity = await authorFor(mover.id);

    const restricted = openClause(server.url, consultations.id, mover.cookie, { proposeAs: oldIdentity });
    const open = openClause(server.url, openClauseId, mover.cookie, { proposeAs: oldIdentity });
    const kept = openClause(server.url, consultations.id, colleague.cookie, {
      proposeAs: await authorFor(colleague.id),
    });
    const [restrictedClosed, openClosed, keptClosed] = [restricted, open, kept].map(closeReasons);
    await Promise.all([restricted.saved(), open.saved(), kept.saved()]);

    const result = await movePerson(secretariat, {
      instrumentId,
      userId: mover.id,
      organizationId: to.id,
    });
    expect(result.changed).toBe(true);
    await eventually(() => restrictedClosed.includes(NO_LONGER_SHARED) && openClosed.includes(DELEGATION_CHANGED));

    expect(await membershipsOf(mover.id)).toEqual([to.id]);
    const [event] = await movesOf(mover.id);
    expect(event).toMatchObject({
      actorUserId: secretariat.id,
      organizationCode: secretariat.organizationCode,
      instrumentId,
    });
    expect(event.details).toMatchObject({ from: from.code, to: to.code, name: "Moving Delegate" });

    // The colleague still in the consultations keeps writing there.
    kept.appendParagraph("The old delegation carries on.");
    await kept.saved();
    expect(keptClosed).toEqual([]);

    // Reconnecting: the consultations no longer exist for them; the open clause takes them in
    // their new organisation's name, and what they now propose is stored.
    const again = openClause(server.url, consultations.id, mover.cookie);
    await expect(again.refused).resolves.toMatch(/does not exist/i);
    const reopened = openClause(server.url, openClauseId, mover.cookie, { proposeAs: await authorFor(mover.id) });
    await expect(reopened.authenticated).resolves.toBe("read-write");
    await reopened.saved();
    reopened.appendParagraph(`Proposed for ${to.code}.`);
    await reopened.saved();
    const proposals = proposalsInClause(clauseForExport(await loadClauseState(openClauseId), "proposals"));
    expect(proposals.find((p) => p.insertedText === `Proposed for ${to.code}.`)?.author?.organizationId).toBe(to.id);
    for (const c of [restricted, open, kept, again, reopened]) c.destroy();
  });

  it("a delegate moved to an observer organisation comes back read-only", async () => {
    const from = await organisation("MDL", "DELEGATE");
    const to = await organisation("MOB", "OBSERVER");
    const mover = await person("Delegate Turned Observer", from.id);
    const client = openClause(server.url, openClauseId, mover.cookie, { proposeAs: await authorFor(mover.id) });
    const closed = closeReasons(client);
    await expect(client.authenticated).resolves.toBe("read-write");
    await client.saved();
    await movePerson(secretariat, { instrumentId, userId: mover.id, organizationId: to.id });
    await eventually(() => closed.includes(DELEGATION_CHANGED));
    const again = openClause(server.url, openClauseId, mover.cookie);
    await expect(again.authenticated).resolves.toBe("readonly");
    for (const c of [client, again]) c.destroy();
  });

  it("refuses a move to an organisation outside the instrument, of a stranger, or of oneself — and changes nothing", async () => {
    const from = await organisation("MST", "DELEGATE");
    const elsewhere = await organisation("MEL", null);
    const mover = await person("Staying Put", from.id);
    const stranger = await person("Not In It", elsewhere.id);
    const client = openClause(server.url, openClauseId, mover.cookie, { proposeAs: await authorFor(mover.id) });
    const closed = closeReasons(client);
    await client.saved();

    const refusal = (input: { userId: string; organizationId: string }, by = secretariat) =>
      movePerson(by, { instrumentId, ...input }).then(
        () => null,
        (error: unknown) => (isAppError(error) ? { code: error.code, message: error.message } : error),
      );
    expect(await refusal({ userId: mover.id, organizationId: elsewhere.id })).toMatchObject({ code: "not_found" });
    expect(await refusal({ userId: stranger.id, organizationId: from.id })).toMatchObject({ code: "not_found" });
    expect(await refusal({ userId: secretariat.id, organizationId: from.id })).toMatchObject({
      code: "invalid_input",
      message: expect.stringMatching(/your own account/),
    });
    // Moving someone to where they already are is no change: nothing recorded, nobody disturbed.
    expect((await movePerson(secretariat, { instrumentId, userId: mover.id, organizationId: from.id })).changed).toBe(
      false,
    );

    expect(await membershipsOf(mover.id)).toEqual([from.id]);
    expect(await membershipsOf(stranger.id)).toEqual([elsewhere.id]);
    expect(await movesOf(mover.id)).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    client.appendParagraph("Still here, still writing.");
    await client.saved();
    expect(closed).toEqual([]);
    client.destroy();
  });
});
