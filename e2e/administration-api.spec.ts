// The administration commands through POST /api/admin/<operation> as the chair: each does what
// it says, refuses bad input with a clear message, and changes nothing when it refuses.

import { execFileSync } from "node:child_process";
import { type Session, signInApi, withDatabase } from "./support/sessions";
import { expect, test } from "./support/test";
import { accountState, createSecondInstrument, trailAbout } from "./support/two-instruments";

const BASE = `http://localhost:${Number(process.env.E2E_PORT ?? 3100)}`;

let chair: Session;
let canada: Session;
let instrumentId: string;

const post = (session: Session, operation: string, data: object) =>
  session.api.post(`/api/admin/${operation}`, { data });
const query = <T>(sql: string, values: unknown[] = []) =>
  withDatabase(async (db) => (await db.query(sql, values)).rows as T[]);

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  chair = await signInApi(BASE, "chair@clausework.demo");
  canada = await signInApi(BASE, "canada@clausework.demo");
  instrumentId = (await query<{ id: string }>(`SELECT id FROM "Instrument" ORDER BY "createdAt" LIMIT 1`))[0].id;
});

test.afterAll(async () => {
  await chair?.api.dispose();
  await canada?.api.dispose();
});

test("moves a clause within its chapter, and refuses to move the first one further up", async () => {
  const clauses = await query<{ id: string; number: string }>(
    `SELECT c.id, c.number FROM "Clause" c JOIN "Chapter" ch ON ch.id = c."chapterId"
     WHERE ch.number = 'III' ORDER BY c.position`,
  );
  const [first, second] = clauses;
  const refused = await post(chair, "clause.move", { instrumentId, clauseId: first.id, direction: "up" });
  expect(refused.status()).toBe(400);
  expect((await refused.json()).error).toMatch(/already first/);
  expect((await post(chair, "clause.move", { instrumentId, clauseId: second.id, direction: "up" })).status()).toBe(200);
  const after = await query<{ id: string }>(
    `SELECT c.id FROM "Clause" c JOIN "Chapter" ch ON ch.id = c."chapterId" WHERE ch.number = 'III' ORDER BY c.position`,
  );
  expect(after.map((c) => c.id).slice(0, 2)).toEqual([second.id, first.id]);
});

test("renumbers and retitles a clause; an empty title is refused and changes nothing", async () => {
  const [clause] = await query<{ id: string; title: string }>(`SELECT id, title FROM "Clause" WHERE number = '15'`);
  const empty = await post(chair, "clause.update", { instrumentId, clauseId: clause.id, number: "15", title: "  " });
  expect(empty.status()).toBe(400);
  expect((await empty.json()).error).toMatch(/title cannot be empty/i);
  expect((await query<{ title: string }>(`SELECT title FROM "Clause" WHERE id = $1`, [clause.id]))[0].title).toBe(
    clause.title,
  );
  const saved = await post(chair, "clause.update", {
    instrumentId,
    clauseId: clause.id,
    number: "15",
    title: `${clause.title} (rev. 1)`,
    topics: "CSAM, grooming, csam",
  });
  expect(saved.status()).toBe(200);
  const [row] = await query<{ title: string; topics: string[] }>(`SELECT title, topics FROM "Clause" WHERE id = $1`, [
    clause.id,
  ]);
  expect(row).toEqual({ title: `${clause.title} (rev. 1)`, topics: ["csam", "grooming"] });
});

test("a restricted chapter hides all its clauses from other delegations", async () => {
  const [chapter] = await query<{ id: string }>(`SELECT id FROM "Chapter" WHERE number = 'IV'`);
  const [clause] = await query<{ id: string; title: string }>(`SELECT id, title FROM "Clause" WHERE "chapterId" = $1`, [
    chapter.id,
  ]);
  const [jamaica] = await query<{ id: string }>(`SELECT id FROM "Organization" WHERE code = 'JAM'`);
  expect((await canada.api.get(`/clauses/${clause.id}`)).status()).toBe(200);
  expect(
    (
      await post(chair, "chapter.restrict", { instrumentId, chapterId: chapter.id, organizationIds: [jamaica.id] })
    ).status(),
  ).toBe(200);
  expect((await canada.api.get(`/clauses/${clause.id}`)).status()).toBe(404);
  const home = await (await canada.api.get("/")).text();
  expect(home).not.toContain("International cooperation");
  expect(home).not.toContain(clause.title);
  // A restriction may only name organisations that take part.
  const stranger = await post(chair, "chapter.restrict", {
    instrumentId,
    chapterId: chapter.id,
    organizationIds: ["00000000-0000-4000-8000-000000000000"],
  });
  expect(stranger.status()).toBe(400);
  // Lifting it brings the chapter back.
  expect(
    (await post(chair, "chapter.restrict", { instrumentId, chapterId: chapter.id, organizationIds: [] })).status(),
  ).toBe(200);
  expect((await canada.api.get(`/clauses/${clause.id}`)).status()).toBe(200);
});

test("adds an organisation with a role; a taken code or a bad colour is refused", async () => {
  const data = {
    instrumentId,
    name: "Kingdom of Norway",
    code: "nor",
    kind: "MEMBER_STATE",
    colour: "#7a1f3d",
    role: "DELEGATE",
  };
  expect((await post(chair, "organization.add", data)).status()).toBe(200);
  const [row] = await query<{ role: string }>(
    `SELECT p.role FROM "Participant" p JOIN "Organization" o ON o.id = p."organizationId" WHERE o.code = 'NOR'`,
  );
  expect(row.role).toBe("DELEGATE");
  const again = await post(chair, "organization.add", data);
  expect(again.status()).toBe(400);
  expect((await again.json()).error).toMatch(/code NOR already exists/);
  const colour = await post(chair, "organization.add", { ...data, code: "NOR2", colour: "red" });
  expect(colour.status()).toBe(400);
  expect((await query(`SELECT id FROM "Organization" WHERE code = 'NOR2'`)).length).toBe(0);
});

test("never removes the last chair, and nobody deactivates themselves", async () => {
  const [chairOrg] = await query<{ id: string }>(`SELECT id FROM "Organization" WHERE code = 'CHAIR'`);
  const demote = await post(chair, "participant.set-role", {
    instrumentId,
    organizationId: chairOrg.id,
    role: "DELEGATE",
  });
  expect(demote.status()).toBe(400);
  expect((await demote.json()).error).toMatch(/needs a chair/);
  const [me] = await query<{ id: string }>(`SELECT id FROM "User" WHERE email = 'chair@clausework.demo'`);
  const self = await post(chair, "person.set-active", { instrumentId, userId: me.id, active: false });
  expect(self.status()).toBe(400);
  expect((await query<{ active: boolean }>(`SELECT active FROM "User" WHERE id = $1`, [me.id]))[0].active).toBe(true);
});

test("a new sign-in link replaces the old one", async () => {
  const [person] = await query<{ id: string }>(`SELECT id FROM "User" WHERE email = 'philippines@clausework.demo'`);
  const first = (await (await post(chair, "person.reissue-link", { instrumentId, userId: person.id })).json())
    .link as string;
  const second = (await (await post(chair, "person.reissue-link", { instrumentId, userId: person.id })).json())
    .link as string;
  expect(first).not.toBe(second);
  const anonymous = await signInApi(BASE, "canada@clausework.demo"); // any client; the page needs no session
  expect(await (await anonymous.api.get(new URL(first).pathname)).text()).toContain("This link no longer works");
  expect(await (await anonymous.api.get(new URL(second).pathname)).text()).toContain("Choose a password");
  await anonymous.api.dispose();
});

test("starts a new instrument chaired by the chair's organisation", async () => {
  const created = await post(chair, "instrument.create", {
    instrumentId,
    title: "Draft protocol on electronic evidence",
    shortTitle: "E-evidence protocol",
    slug: "e-evidence-protocol",
  });
  expect(created.status()).toBe(200);
  const home = await (await chair.api.get("/")).text();
  expect(home).toContain("Draft protocol on electronic evidence");
  expect(await (await canada.api.get("/")).text()).not.toContain("Draft protocol on electronic evidence");
  const duplicate = await post(chair, "instrument.create", {
    instrumentId,
    title: "x",
    shortTitle: "x",
    slug: "e-evidence-protocol",
  });
  expect(duplicate.status()).toBe(400);
});

test("a chair may not attach another instrument's secretariat, and once it is attached gains no power over its people; a system administrator may act, and both trails show it", async () => {
  const apart = await createSecondInstrument();
  const chairTwo = await signInApi(BASE, apart.chairTwoEmail);
  const [secretary] = await query<{ id: string }>(`SELECT id FROM "User" WHERE email = 'secretariat@clausework.demo'`);
  const attach = (role: string) =>
    post(chairTwo, "participant.set-role", {
      instrumentId: apart.two,
      organizationId: apart.secretariatOne,
      role,
    });
  try {
    // Attaching it would take account powers over its people from the demo chair: refused.
    const refused = await attach("READER");
    expect(refused.status()).toBe(403);
    expect((await refused.json()).error).toMatch(/only a system administrator may attach it/);
    expect(
      await query(`SELECT id FROM "Participant" WHERE "instrumentId" = $1 AND "organizationId" = $2`, [
        apart.two,
        apart.secretariatOne,
      ]),
    ).toEqual([]);
    expect(await trailAbout(apart.two, apart.secretariatOne)).toEqual([]);
    // Attached all the same, as a system administrator may.
    await query(
      `INSERT INTO "Participant" (id, "instrumentId", "organizationId", role) VALUES (gen_random_uuid(), $1, $2, 'READER')`,
      [apart.two, apart.secretariatOne],
    );
    // The secretariat of the demo instrument now shows on the second chair's people page …
    expect(await (await chairTwo.api.get(`/admin/${apart.two}/people`)).text()).toContain(
      "secretariat@clausework.demo",
    );
    // … but its sign-in link (a way to sign in as them), its deactivation, a move and an
    // invitation into it are all refused, and nothing is issued, changed or recorded.
    const before = await accountState(secretary.id);
    const link = await post(chairTwo, "person.reissue-link", { instrumentId: apart.two, userId: secretary.id });
    expect(link.status()).toBe(403);
    expect((await link.json()).error).toMatch(/does not manage/);
    expect(
      (
        await post(chairTwo, "person.set-active", { instrumentId: apart.two, userId: secretary.id, active: false })
      ).status(),
    ).toBe(403);
    const [home] = await query<{ id: string }>(
      `SELECT "organizationId" AS id FROM "Participant" WHERE "instrumentId" = $1 AND role = 'CHAIR'`,
      [apart.two],
    );
    expect(
      (
        await post(chairTwo, "person.move", { instrumentId: apart.two, userId: secretary.id, organizationId: home.id })
      ).status(),
    ).toBe(403);
    const intruder = `intruder-${Date.now()}@example.org`;
    expect(
      (
        await post(chairTwo, "person.invite", {
          instrumentId: apart.two,
          organizationId: apart.secretariatOne,
          name: "Intruder",
          email: intruder,
        })
      ).status(),
    ).toBe(403);
    expect(await accountState(secretary.id)).toEqual(before);
    expect(await query(`SELECT id FROM "User" WHERE email = $1`, [intruder])).toEqual([]);
    expect(await trailAbout(apart.one, secretary.id)).not.toContain("person.sign-in-link-issued");

    // Made a system administrator with the command the README gives, the second chair may.
    execFileSync("npx", ["tsx", "scripts/admin-grant.ts", apart.chairTwoEmail], {
      env: { ...process.env, DATABASE_URL: process.env.E2E_DATABASE_URL },
      stdio: "pipe",
    });
    const granted = await post(chairTwo, "person.reissue-link", { instrumentId: apart.two, userId: secretary.id });
    expect(granted.status()).toBe(200);
    // The demo instrument's own trail, as its chair reads it, shows who did it from elsewhere.
    const trail = await (await chair.api.get(`/admin/${instrumentId}/audit?action=person.sign-in-link-issued`)).text();
    expect(trail).toContain("Chair Two");
    expect(await trailAbout(apart.one, secretary.id)).toContain("person.sign-in-link-issued");
    expect(await trailAbout(apart.two, secretary.id)).toContain("person.sign-in-link-issued");
    execFileSync("npx", ["tsx", "scripts/admin-grant.ts", "--revoke", apart.chairTwoEmail], {
      env: { ...process.env, DATABASE_URL: process.env.E2E_DATABASE_URL },
      stdio: "pipe",
    });
    expect(
      (await post(chairTwo, "person.reissue-link", { instrumentId: apart.two, userId: secretary.id })).status(),
    ).toBe(403);
  } finally {
    await attach("NONE");
    await chairTwo.api.dispose();
  }
});
