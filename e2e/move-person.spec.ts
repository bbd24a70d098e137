// The secretariat moves a person to another delegation from the people page: the person's open
// clause tells them at once that they now act for another organisation, after a reload they do,
// and the move is on the audit trail. Through the API a delegate cannot move anyone.
import { DELEGATION_CHANGED } from "@/lib/access/access-messages";
import { hashPassword } from "@/lib/auth/password";
import { openAdministration } from "./support/admin";
import { DEMO_PASSWORD, openClause, signIn } from "./support/demo";
import { signInApi, withDatabase } from "./support/sessions";
import { expect, test } from "./support/test";

const BASE = `http://localhost:${Number(process.env.E2E_PORT ?? 3100)}`;
const EMAIL = `moving-delegate-${Date.now().toString(36)}@example.org`;
const query = <T>(sql: string, values: unknown[] = []) =>
  withDatabase(async (db) => (await db.query(sql, values)).rows as T[]);

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await withDatabase(async (db) => {
    const user = await db.query<{ id: string }>(
      `INSERT INTO "User" (id, email, name, "passwordHash") VALUES (gen_random_uuid(), $1, 'Mara Moving', $2) RETURNING id`,
      [EMAIL, passwordHash],
    );
    await db.query(
      `INSERT INTO "Membership" (id, "userId", "organizationId") SELECT gen_random_uuid(), $1, id FROM "Organization" WHERE code = 'AUS'`,
      [user.rows[0].id],
    );
  });
});

test("the secretariat moves a person to another delegation; their open clause is told at once", async ({ browser }) => {
  const mover = await (await browser.newContext()).newPage();
  await signIn(mover, EMAIL);
  await expect(mover.getByTestId("signed-in-user")).toContainText("Australia");
  await openClause(mover, /Solicitation or grooming/i);

  const secretariat = await (await browser.newContext()).newPage();
  await signIn(secretariat, "secretariat@clausework.demo");
  await openAdministration(secretariat);
  await secretariat.getByRole("link", { name: "Delegations and people" }).click();
  const row = secretariat.getByTestId(`person-${EMAIL}`);
  const move = row.getByRole("form", { name: "Move Mara Moving to another organisation" });
  await move.getByLabel("Organisation of Mara Moving").selectOption({ label: "CAN" });
  await move.getByRole("button", { name: "Move" }).click();
  await expect(move.getByRole("status")).toContainText("Moved");
  await expect(row.locator("td").nth(1)).toHaveText("CAN");

  await expect(mover.getByText(DELEGATION_CHANGED)).toBeVisible();
  await mover.reload();
  await expect(mover.getByTestId("signed-in-user")).toContainText("Canada");
  await expect(mover.getByTestId("save-status")).toHaveAttribute("data-state", "saved", { timeout: 30_000 });

  const [event] = await query<{ details: Record<string, string>; actorName: string }>(
    `SELECT details, "actorName" FROM "AuditEvent" WHERE action = 'person.moved' AND "targetId" =
     (SELECT id::text FROM "User" WHERE email = $1)`,
    [EMAIL],
  );
  expect(event.details).toMatchObject({ from: "AUS", to: "CAN", email: EMAIL });
});

test("through the API only the secretariat moves people, and bad input changes nothing", async () => {
  const [{ instrumentId, userId, ausId }] = await query<{ instrumentId: string; userId: string; ausId: string }>(
    `SELECT (SELECT id FROM "Instrument" ORDER BY "createdAt" LIMIT 1) AS "instrumentId",
            (SELECT id FROM "User" WHERE email = $1) AS "userId",
            (SELECT id FROM "Organization" WHERE code = 'AUS') AS "ausId"`,
    [EMAIL],
  );
  const canada = await signInApi(BASE, "canada@clausework.demo");
  const chair = await signInApi(BASE, "chair@clausework.demo");
  try {
    const forged = await canada.api.post("/api/admin/person.move", {
      data: { instrumentId, userId, organizationId: ausId },
    });
    expect(forged.status()).toBe(403);
    const malformed = await chair.api.post("/api/admin/person.move", {
      data: { instrumentId, userId: "nobody", organizationId: ausId },
    });
    expect(malformed.status()).toBe(400);
    expect((await malformed.json()).error).toMatch(/person is not valid/i);
    const unknown = await chair.api.post("/api/admin/person.move", {
      data: { instrumentId, userId, organizationId: "00000000-0000-4000-8000-000000000000" },
    });
    expect(unknown.status()).toBe(404);
    const codes = await query<{ code: string }>(
      `SELECT o.code FROM "Membership" m JOIN "Organization" o ON o.id = m."organizationId" WHERE m."userId" = $1`,
      [userId],
    );
    expect(codes.map((c) => c.code)).toEqual(["CAN"]);

    const back = await chair.api.post("/api/admin/person.move", {
      data: { instrumentId, userId, organizationId: ausId },
    });
    expect(back.status()).toBe(200);
    expect(await back.json()).toMatchObject({ changed: true });
  } finally {
    await canada.api.dispose();
    await chair.api.dispose();
  }
});
