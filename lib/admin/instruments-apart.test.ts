// Instruments are kept apart, on a real PostgreSQL: two instruments, each with its own chair.
// Acting on a person's account (a sign-in link, deactivation, a move, an invitation into an
// organisation) needs management of every instrument the person — or the organisation — takes
// part in. The chair of one instrument who attaches the other's organisations to their own gains
// no power over those people; a system administrator may act on anyone; every act is recorded in
// the trail of every instrument it reaches; a refusal changes nothing and records nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findSessionUser } from "@/lib/auth/find-session-user";
import type { SessionUser } from "@/lib/auth/session-user";
import type { ParticipantRole } from "@/lib/db/generated/client";
import { prisma } from "@/lib/db/prisma";
import { isAppError } from "@/lib/errors/app-error";
import { seedIfEmpty } from "@/lib/seed/seed-demo-data";
import { attachBeyondReach, BEYOND_REACH } from "./account-reach";
import { createInstrument } from "./create-instrument";
import { grantSystemAdmin } from "./grant-system-admin";
import { invitePerson } from "./invite-person";
import { movePerson } from "./move-person";
import { reissueSignInLink } from "./reissue-sign-in-link";
import { setParticipantRole } from "./set-participant-role";
import { setPersonActive } from "./set-person-active";

const run = Date.now().toString(36).toUpperCase();
let made = 0;
const code = (prefix: string) => `${prefix}${run}${++made}`.slice(-12);

type World = {
  one: string;
  two: string;
  chairOne: SessionUser;
  chairTwo: SessionUser;
  /** The first instrument's secretariat, attached to the second by its chair (as a reader). */
  secretariatOne: string;
  /** A delegation in the first instrument only, one in the second only, and one in both. */
  onlyOne: string;
  onlyTwo: string;
  both: string;
};
let world: World;

async function instrument(title: string) {
  return prisma.instrument.create({ data: { title, shortTitle: title, slug: `apart-${title}-${run}`.toLowerCase() } });
}

async function organisation(name: string, parts: [string, ParticipantRole][]) {
  return prisma.organization.create({
    data: {
      name,
      code: code("AP"),
      kind: "MEMBER_STATE",
      colour: "#336699",
      participants: { create: parts.map(([instrumentId, role]) => ({ instrumentId, role })) },
    },
  });
}

async function person(organizationId: string, name = "A Person") {
  return prisma.user.create({
    data: {
      email: `${code("p").toLowerCase()}@example.org`,
      name,
      memberships: { create: { organizationId } },
    },
  });
}

async function sessionUser(userId: string): Promise<SessionUser> {
  const user = await findSessionUser(userId);
  if (!user) throw new Error("no session user");
  return user;
}

/** "done", or the refusal's code. */
async function outcome(act: Promise<unknown>): Promise<string> {
  try {
    await act;
    return "done";
  } catch (error) {
    if (isAppError(error)) return error.code;
    throw error;
  }
}

const trailOf = (instrumentId: string, targetId: string) =>
  prisma.auditEvent.findMany({ where: { instrumentId, targetId }, select: { action: true, actorUserId: true } });

beforeAll(async () => {
  // Other test files share this database and expect the demo data: seed it before adding
  // instruments, or they would find an instrument and never be seeded.
  await seedIfEmpty(prisma);
  const one = (await instrument("One")).id;
  const two = (await instrument("Two")).id;
  const secretariatOne = await organisation("Secretariat One", [[one, "CHAIR"]]);
  const secretariatTwo = await organisation("Secretariat Two", [[two, "CHAIR"]]);
  const chairOne = await person(secretariatOne.id, "Chair One");
  const chairTwo = await person(secretariatTwo.id, "Chair Two");
  // The first instrument's secretariat is attached to the second (as a system administrator may
  // do; its chair alone may not, see "attaching an organisation" below): the attack starts here.
  await prisma.participant.create({ data: { instrumentId: two, organizationId: secretariatOne.id, role: "READER" } });
  world = {
    one,
    two,
    chairOne: await sessionUser(chairOne.id),
    chairTwo: await sessionUser(chairTwo.id),
    secretariatOne: secretariatOne.id,
    onlyOne: (await organisation("Only One", [[one, "DELEGATE"]])).id,
    onlyTwo: (await organisation("Only Two", [[two, "DELEGATE"]])).id,
    both: (
      await organisation("Both", [
        [one, "DELEGATE"],
        [two, "DELEGATE"],
      ])
    ).id,
  };
});

afterAll(async () => {
  await prisma.user.updateMany({ where: { id: world.chairTwo.id }, data: { systemAdmin: false } });
});

describe("acting on an account that takes part in an instrument one does not manage", () => {
  it("the second chair cannot reissue the first secretariat's sign-in link (and so sign in as them)", async () => {
    const secretary = await person(world.secretariatOne, "Secretary One");
    expect(await outcome(reissueSignInLink(world.chairTwo, { instrumentId: world.two, userId: secretary.id }))).toBe(
      "forbidden",
    );
    expect(await prisma.invitation.count({ where: { userId: secretary.id } })).toBe(0);
    expect(await trailOf(world.one, secretary.id)).toEqual([]);
    expect(await trailOf(world.two, secretary.id)).toEqual([]);
    // Their own chair cannot either, now that the person counts in an instrument chair one does
    // not manage: only a secretariat managing both, or a system administrator (below).
    expect(await outcome(reissueSignInLink(world.chairOne, { instrumentId: world.one, userId: secretary.id }))).toBe(
      "forbidden",
    );
  });

  it("the refusal names no instrument, only why", async () => {
    const shared = await person(world.both);
    await expect(
      reissueSignInLink(world.chairTwo, { instrumentId: world.two, userId: shared.id }),
    ).rejects.toMatchObject({ code: "forbidden", message: BEYOND_REACH });
  });

  // Each act on each kind of person, by each chair from their own instrument. "not_found": the
  // person does not take part in the chair's instrument at all.
  const table: { who: "onlyOne" | "onlyTwo" | "both"; chair: "chairOne" | "chairTwo"; expected: string }[] = [
    { who: "onlyOne", chair: "chairOne", expected: "done" },
    { who: "onlyOne", chair: "chairTwo", expected: "not_found" },
    { who: "onlyTwo", chair: "chairOne", expected: "not_found" },
    { who: "onlyTwo", chair: "chairTwo", expected: "done" },
    { who: "both", chair: "chairOne", expected: "forbidden" },
    { who: "both", chair: "chairTwo", expected: "forbidden" },
  ];
  const instrumentOf = (chair: "chairOne" | "chairTwo") => (chair === "chairOne" ? world.one : world.two);

  for (const { who, chair, expected } of table) {
    it(`${chair} on a person of ${who}: sign-in link and deactivation → ${expected}`, async () => {
      const target = await person(world[who]);
      const instrumentId = instrumentOf(chair);
      expect(await outcome(reissueSignInLink(world[chair], { instrumentId, userId: target.id }))).toBe(expected);
      expect(await outcome(setPersonActive(world[chair], { instrumentId, userId: target.id, active: false }))).toBe(
        expected,
      );
      const stored = await prisma.user.findUniqueOrThrow({ where: { id: target.id }, include: { invitations: true } });
      expect(stored.active).toBe(expected !== "done");
      expect(stored.invitations).toEqual([]); // issued, then withdrawn by the deactivation — or never issued
      const reached = who === "both" ? [world.one, world.two] : who === "onlyOne" ? [world.one] : [world.two];
      for (const instrument of [world.one, world.two]) {
        const actions = (await trailOf(instrument, target.id)).map((e) => e.action).sort();
        expect(actions).toEqual(
          expected === "done" && reached.includes(instrument)
            ? ["person.deactivated", "person.sign-in-link-issued"]
            : [],
        );
      }
    });
  }

  it("moving someone into an organisation that also takes part elsewhere needs that instrument too", async () => {
    const mover = await person(world.onlyTwo);
    expect(
      await outcome(
        movePerson(world.chairTwo, { instrumentId: world.two, userId: mover.id, organizationId: world.both }),
      ),
    ).toBe("forbidden");
    expect(
      await outcome(
        movePerson(world.chairTwo, { instrumentId: world.two, userId: mover.id, organizationId: world.secretariatOne }),
      ),
    ).toBe("forbidden");
    expect((await prisma.membership.findMany({ where: { userId: mover.id } })).map((m) => m.organizationId)).toEqual([
      world.onlyTwo,
    ]);
    // Out of a shared delegation, even into one of the chair's own: refused too.
    const shared = await person(world.both);
    expect(
      await outcome(
        movePerson(world.chairTwo, { instrumentId: world.two, userId: shared.id, organizationId: world.onlyTwo }),
      ),
    ).toBe("forbidden");
    expect(await trailOf(world.two, mover.id)).toEqual([]);
    expect(await trailOf(world.two, shared.id)).toEqual([]);
  });

  it("inviting a new person into an organisation that takes part elsewhere is refused; into one's own it is not", async () => {
    const invite = (organizationId: string, email: string) =>
      invitePerson(world.chairTwo, { instrumentId: world.two, organizationId, name: "New Person", email });
    const intoSecretariat = `${code("n").toLowerCase()}@example.org`;
    expect(await outcome(invite(world.secretariatOne, intoSecretariat))).toBe("forbidden");
    expect(await outcome(invite(world.both, `${code("n").toLowerCase()}@example.org`))).toBe("forbidden");
    expect(await prisma.user.findUnique({ where: { email: intoSecretariat } })).toBeNull();
    const own = `${code("n").toLowerCase()}@example.org`;
    expect(await outcome(invite(world.onlyTwo, own))).toBe("done");
    const created = await prisma.user.findUniqueOrThrow({ where: { email: own } });
    expect((await trailOf(world.two, created.id)).map((e) => e.action)).toEqual(["membership.added"]);
    expect(await trailOf(world.one, created.id)).toEqual([]);
  });
});

describe("who may act on a shared account", () => {
  it("a secretariat that manages both instruments may, and both trails record it", async () => {
    const bothChaired = await organisation("Chairs Both", [
      [world.one, "CHAIR"],
      [world.two, "CHAIR"],
    ]);
    const chairOfBoth = await sessionUser((await person(bothChaired.id, "Chair Of Both")).id);
    const shared = await person(world.both);
    expect(
      await outcome(
        movePerson(chairOfBoth, { instrumentId: world.one, userId: shared.id, organizationId: world.onlyOne }),
      ),
    ).toBe("done");
    for (const instrument of [world.one, world.two]) {
      expect(await trailOf(instrument, shared.id)).toEqual([{ action: "person.moved", actorUserId: chairOfBoth.id }]);
    }
  });

  it("a system administrator may, from an instrument they manage; the grant itself is in every trail", async () => {
    const shared = await person(world.both);
    expect((await grantSystemAdmin(world.chairTwo.email, true)).changed).toBe(true);
    const grant = await prisma.auditEvent.findFirstOrThrow({
      where: { action: "person.system-admin-granted", targetId: world.chairTwo.id },
    });
    expect(grant.instrumentId).toBeNull(); // belongs to no instrument: every trail lists it
    expect(await outcome(reissueSignInLink(world.chairTwo, { instrumentId: world.two, userId: shared.id }))).toBe(
      "done",
    );
    for (const instrument of [world.one, world.two]) {
      expect((await trailOf(instrument, shared.id)).map((e) => e.action)).toEqual(["person.sign-in-link-issued"]);
    }
    // The role is not a way into instruments they take no part in.
    expect(await outcome(reissueSignInLink(world.chairTwo, { instrumentId: world.one, userId: shared.id }))).toBe(
      "not_found",
    );
    expect((await grantSystemAdmin(world.chairTwo.email, false)).changed).toBe(true);
    expect(await outcome(reissueSignInLink(world.chairTwo, { instrumentId: world.two, userId: shared.id }))).toBe(
      "forbidden",
    );
  });

  it("a deactivated chair may do nothing, even in their own instrument", async () => {
    const chair = await person((await organisation("Lapsed Secretariat", [[world.two, "CHAIR"]])).id, "Lapsed Chair");
    const acting = await sessionUser(chair.id);
    await prisma.user.update({ where: { id: chair.id }, data: { active: false } });
    const target = await person(world.onlyTwo);
    expect(await outcome(reissueSignInLink(acting, { instrumentId: world.two, userId: target.id }))).toBe("not_found");
  });
});

describe("attaching an organisation that takes part in another instrument", () => {
  const attach = (by: SessionUser, instrumentId: string, organizationId: string, role: ParticipantRole = "DELEGATE") =>
    setParticipantRole(by, { instrumentId, organizationId, role });
  const takesPartIn = async (organizationId: string) =>
    (await prisma.participant.findMany({ where: { organizationId }, select: { instrumentId: true } }))
      .map((p) => p.instrumentId)
      .sort();
  const entriesAbout = (organizationId: string) =>
    prisma.auditEvent.findMany({
      where: { targetId: organizationId },
      select: { instrumentId: true, action: true, details: true },
      orderBy: { id: "asc" },
    });

  it("is refused to the other chair, with why; nothing changes and the first chair keeps their powers", async () => {
    const delegation = await organisation("Only One Attached", [[world.one, "DELEGATE"]]);
    const member = await person(delegation.id);
    await expect(attach(world.chairTwo, world.two, delegation.id)).rejects.toMatchObject({
      code: "forbidden",
      message: attachBeyondReach(delegation.code),
    });
    expect(await takesPartIn(delegation.id)).toEqual([world.one]);
    expect(await entriesAbout(delegation.id)).toEqual([]);
    // What chair one may do with its people is what it was.
    expect(await outcome(reissueSignInLink(world.chairOne, { instrumentId: world.one, userId: member.id }))).toBe(
      "done",
    );
  });

  it("is refused the other way round too: chair one may not attach a delegation of two", async () => {
    expect(await outcome(attach(world.chairOne, world.one, world.onlyTwo))).toBe("forbidden");
    expect(await takesPartIn(world.onlyTwo)).toEqual([world.two]);
    expect(await entriesAbout(world.onlyTwo)).toEqual([]);
  });

  it("is allowed for an organisation that takes part nowhere yet, recorded in this instrument only", async () => {
    const newcomer = await organisation("Newcomer", []);
    expect(await outcome(attach(world.chairTwo, world.two, newcomer.id))).toBe("done");
    expect((await entriesAbout(newcomer.id)).map((e) => [e.instrumentId, e.action])).toEqual([
      [world.two, "participant.added"],
    ]);
  });

  it("is allowed to a secretariat managing both, and both trails record the attachment and the removal", async () => {
    const bothChaired = await organisation("Chairs Both Too", [
      [world.one, "CHAIR"],
      [world.two, "CHAIR"],
    ]);
    const chairOfBoth = await sessionUser((await person(bothChaired.id, "Chair Of Both Too")).id);
    const delegation = await organisation("Joins Two", [[world.one, "DELEGATE"]]);
    expect(await outcome(attach(chairOfBoth, world.two, delegation.id))).toBe("done");
    expect(await takesPartIn(delegation.id)).toEqual([world.one, world.two].sort());
    // Chair two removes it from their own instrument: their business, and one's trail hears of it.
    expect(await outcome(attach(world.chairTwo, world.two, delegation.id, "NONE" as ParticipantRole))).toBe("done");
    expect(await takesPartIn(delegation.id)).toEqual([world.one]);
    const entries = await entriesAbout(delegation.id);
    const titles = await prisma.instrument.findMany({
      where: { id: { in: [world.one, world.two] } },
      orderBy: { createdAt: "asc" },
      select: { shortTitle: true },
    });
    expect(entries.map((e) => [e.instrumentId, e.action]).sort()).toEqual(
      [
        [world.one, "participant.added"],
        [world.two, "participant.added"],
        [world.one, "participant.removed"],
        [world.two, "participant.removed"],
      ].sort(),
    );
    for (const entry of entries) {
      expect(entry.details).toMatchObject({ in: "Two", instruments: titles.map((t) => t.shortTitle) });
    }
  });

  it("is allowed to a system administrator, recorded in every instrument it reaches", async () => {
    const delegation = await organisation("Admin Attaches", [[world.one, "OBSERVER"]]);
    await grantSystemAdmin(world.chairTwo.email, true);
    try {
      expect(await outcome(attach(world.chairTwo, world.two, delegation.id, "READER"))).toBe("done");
    } finally {
      await grantSystemAdmin(world.chairTwo.email, false);
    }
    expect((await entriesAbout(delegation.id)).map((e) => e.instrumentId).sort()).toEqual(
      [world.one, world.two].sort(),
    );
  });

  it("applies to starting an instrument, which attaches one's own organisation to it", async () => {
    // A secretariat chairing two that also reads one: a new instrument would change its people's reach in one.
    const reader = await organisation("Chairs Two Reads One", [
      [world.two, "CHAIR"],
      [world.one, "READER"],
    ]);
    const chair = await sessionUser((await person(reader.id, "Chair Reading One")).id);
    const slug = `apart-new-${run}`.toLowerCase();
    const start = (by: SessionUser, s: string) =>
      createInstrument(by, { instrumentId: world.two, title: "A third one", shortTitle: "Third", slug: s });
    await expect(start(chair, slug)).rejects.toMatchObject({
      code: "forbidden",
      message: attachBeyondReach(reader.code),
    });
    expect(await prisma.instrument.findUnique({ where: { slug } })).toBeNull();
    // Chair two's secretariat takes part in two only: it may, and two's trail records it too.
    const { instrumentId } = await start(world.chairTwo, `${slug}-ok`);
    const created = await prisma.auditEvent.findMany({
      where: { action: "instrument.created", targetId: instrumentId },
      select: { instrumentId: true },
    });
    expect(created.map((e) => e.instrumentId).sort()).toEqual([instrumentId, world.two].sort());
  });
});
