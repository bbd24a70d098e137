// Sessions slide with activity within an absolute limit (lib/auth/session-lifetime.ts): opening a
// page reports activity and re-issues the cookie with the later time; a session idle too long is
// refused by the pages and by the collaboration socket alike.
import { decode, encode } from "next-auth/jwt";
import { IDLE_MINUTES } from "@/lib/auth/session-lifetime";
import { openClause } from "@/lib/collab/test-support/clause-client";
import { signIn } from "./support/demo";
import { withDatabase } from "./support/sessions";
import { expect, test } from "./support/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const SECRET = process.env.NEXTAUTH_SECRET as string;

async function sessionToken(page: import("@playwright/test").Page) {
  const cookie = (await page.context().cookies()).find((c) => c.name.endsWith("next-auth.session-token"));
  return cookie ? decode({ token: cookie.value, secret: SECRET }) : null;
}

test("activity slides the session cookie's idle limit; the sign-in time stays", async ({ page }) => {
  await signIn(page, "jamaica@clausework.demo");
  // The home page reported activity once loaded: the cookie was re-issued with a later time.
  await expect
    .poll(async () => {
      const token = await sessionToken(page);
      return token && typeof token.activeAt === "number" && typeof token.signedInAt === "number"
        ? token.activeAt > token.signedInAt
        : false;
    })
    .toBe(true);
});

test("a session idle too long is refused by pages and by the socket", async ({ browser }) => {
  const [{ id, clauseId }] = await withDatabase(
    async (db) =>
      (
        await db.query(
          `SELECT (SELECT id FROM "User" WHERE email = 'jamaica@clausework.demo') AS id,
                  (SELECT id FROM "Clause" ORDER BY number LIMIT 1) AS "clauseId"`,
        )
      ).rows,
  );
  const activeAt = Date.now() - IDLE_MINUTES * 60_000 - 1000;
  const token = await encode({ token: { uid: id, sub: id, signedInAt: activeAt - 60_000, activeAt }, secret: SECRET });
  const context = await browser.newContext();
  await context.addCookies([{ name: "next-auth.session-token", value: token, url: `http://localhost:${PORT}` }]);
  const page = await context.newPage();
  await page.goto("/");
  await expect(page).toHaveURL(/\/signin/);

  const client = openClause(`ws://localhost:${PORT}/collab`, clauseId, `next-auth.session-token=${token}`);
  await expect(client.refused).resolves.toMatch(/session has ended/i);
  client.destroy();
});
