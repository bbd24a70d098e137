// A second instrument with a chair of its own, beside the demo one, for the journeys that keep
// instruments apart: its secretariat, a delegation taking part only there, one taking part in
// both, and one only in the demo instrument. Written straight into the database (what a second
// secretariat would have set up); the attack itself goes through the app's routes.
import type pg from "pg";
import { hashPassword } from "@/lib/auth/password";
import { DEMO_PASSWORD } from "@/lib/seed/demo-users";
import { withDatabase } from "./sessions";

export type Kind = "onlyOne" | "onlyTwo" | "both" | "secretariatOne";

export type TwoInstruments = {
  one: string;
  two: string;
  chairTwoEmail: string;
  /** Each kind's organisation, and the instruments it takes part in (once the second chair has attached the demo secretariat). */
  organizations: Record<Kind, { id: string; instruments: string[] }>;
  /** The demo secretariat's organisation (CHAIR). */
  secretariatOne: string;
  /** Where each chair moves people: a delegation taking part only in their own instrument. */
  homes: { one: { id: string; instruments: string[] }; two: { id: string; instruments: string[] } };
};

let made = 0;
const stamp = () => `${Date.now().toString(36)}${++made}`.toUpperCase();

export async function createSecondInstrument(): Promise<TwoInstruments> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return withDatabase(async (db) => {
    const one: string = (await db.query(`SELECT id FROM "Instrument" ORDER BY "createdAt" LIMIT 1`)).rows[0].id;
    const tag = stamp();
    const two: string = (
      await db.query(
        `INSERT INTO "Instrument" (id, slug, title, "shortTitle") VALUES (gen_random_uuid(), $1, 'Second instrument', 'Second') RETURNING id`,
        [`second-${tag.toLowerCase()}`],
      )
    ).rows[0].id;
    const organisation = (name: string, parts: [string, string][]) => organisationIn(db, name, parts);
    const secretariatTwo = await organisation("Secretariat Two", [[two, "CHAIR"]]);
    const chairTwoEmail = `chair-two-${tag.toLowerCase()}@example.org`;
    const chairTwo: string = (
      await db.query(
        `INSERT INTO "User" (id, email, name, "passwordHash") VALUES (gen_random_uuid(), $1, 'Chair Two', $2) RETURNING id`,
        [chairTwoEmail, passwordHash],
      )
    ).rows[0].id;
    await db.query(`INSERT INTO "Membership" (id, "userId", "organizationId") VALUES (gen_random_uuid(), $1, $2)`, [
      chairTwo,
      secretariatTwo,
    ]);
    const secretariatOne: string = (await db.query(`SELECT id FROM "Organization" WHERE code = 'CHAIR'`)).rows[0].id;
    return {
      one,
      two,
      chairTwoEmail,
      secretariatOne,
      homes: {
        one: { id: await organisation("Home One", [[one, "DELEGATE"]]), instruments: [one] },
        two: { id: await organisation("Home Two", [[two, "DELEGATE"]]), instruments: [two] },
      },
      organizations: {
        onlyOne: { id: await organisation("Only One", [[one, "DELEGATE"]]), instruments: [one] },
        onlyTwo: { id: await organisation("Only Two", [[two, "DELEGATE"]]), instruments: [two] },
        both: {
          id: await organisation("Both", [
            [one, "DELEGATE"],
            [two, "DELEGATE"],
          ]),
          instruments: [one, two],
        },
        secretariatOne: { id: secretariatOne, instruments: [one, two] },
      },
    };
  });
}

async function organisationIn(db: pg.Client, name: string, parts: [string, string][]): Promise<string> {
  const id: string = (
    await db.query(
      `INSERT INTO "Organization" (id, name, code, kind, colour) VALUES (gen_random_uuid(), $1, $2, 'MEMBER_STATE', '#445566') RETURNING id`,
      // Codes are unique: a fresh stamp each, its counter kept at the end.
      [name, `O${stamp()}`.slice(-12)],
    )
  ).rows[0].id;
  for (const [instrumentId, role] of parts) {
    await db.query(
      `INSERT INTO "Participant" (id, "instrumentId", "organizationId", role) VALUES (gen_random_uuid(), $1, $2, $3)`,
      [instrumentId, id, role],
    );
  }
  return id;
}

/** A fresh organisation taking part in these instruments with these roles (in none when empty). */
export async function freshOrganization(name: string, parts: [string, string][]): Promise<string> {
  return withDatabase((db) => organisationIn(db, name, parts));
}

/** A fresh person in the organisation (no password yet), for one attempt. */
export async function freshPerson(organizationId: string): Promise<{ id: string; email: string }> {
  const email = `apart-${stamp().toLowerCase()}@example.org`;
  return withDatabase(async (db) => {
    const id: string = (
      await db.query(
        `INSERT INTO "User" (id, email, name) VALUES (gen_random_uuid(), $1, 'Apart Person') RETURNING id`,
        [email],
      )
    ).rows[0].id;
    await db.query(`INSERT INTO "Membership" (id, "userId", "organizationId") VALUES (gen_random_uuid(), $1, $2)`, [
      id,
      organizationId,
    ]);
    return { id, email };
  });
}

/** The audit actions recorded about a target in one instrument's trail. */
export async function trailAbout(instrumentId: string, targetId: string): Promise<string[]> {
  return withDatabase(async (db) =>
    (
      await db.query<{ action: string }>(
        `SELECT action FROM "AuditEvent" WHERE "instrumentId" = $1 AND "targetId" = $2 ORDER BY id`,
        [instrumentId, targetId],
      )
    ).rows.map((r) => r.action),
  );
}

/** What an account looks like in the database: is it active, where is it a member, does it hold a link. */
export async function accountState(userId: string) {
  return withDatabase(async (db) => ({
    active: (await db.query(`SELECT active FROM "User" WHERE id = $1`, [userId])).rows[0]?.active as boolean,
    organizations: (
      await db.query<{ organizationId: string }>(`SELECT "organizationId" FROM "Membership" WHERE "userId" = $1`, [
        userId,
      ])
    ).rows.map((r) => r.organizationId),
    links: Number((await db.query(`SELECT count(*) FROM "Invitation" WHERE "userId" = $1`, [userId])).rows[0].count),
  }));
}
