// Takes the README's screenshots of the main screens from the real app on a fresh database with
// the demo data, in Chromium at 1440×900: node --import tsx scripts/screenshots.ts
// Writes docs/screenshots/*.png. Needs a build (`npm run build`) and DATABASE_URL's server (or
// the embedded one when unset).
import { mkdirSync } from "node:fs";
import { chromium, type Page } from "@playwright/test";
import { createTestDatabase } from "@/lib/db/test-database";
import { DEMO_PASSWORD } from "@/lib/seed/demo-users";
import { AppServer } from "../e2e/support/app-server";
import { CHROMIUM_ARGS, chromiumExecutable } from "../e2e/support/chromium";

const OUT = "docs/screenshots";
const PORT = Number(process.env.SCREENSHOT_PORT ?? 3190);

async function signIn(page: Page, base: string, email: string) {
  await page.goto(`${base}/signin`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.getByTestId("signed-in-user").waitFor();
}

async function openClause(page: Page, base: string, title: RegExp) {
  await page.goto(base);
  await page.getByRole("link", { name: title }).first().click();
  await page.getByTestId("save-status").waitFor();
  await page.waitForSelector(
    '[data-testid="save-status"][data-state="saved"], [data-testid="save-status"][data-state="read-only"]',
    {
      timeout: 30_000,
    },
  );
  await page.waitForTimeout(1_000);
}

const database = await createTestDatabase();
process.env.NEXTAUTH_SECRET ??= "screenshots-secret";
const server = new AppServer(PORT, { DATABASE_URL: database.url, NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET });
const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: CHROMIUM_ARGS });
try {
  await server.start();
  mkdirSync(OUT, { recursive: true });
  const base = server.url;
  const shot = async (page: Page, name: string) => page.screenshot({ path: `${OUT}/${name}.png` });

  const signInPage = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await signInPage.goto(`${base}/signin`);
  await shot(signInPage, "sign-in");

  const delegate = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await signIn(delegate, base, "australia@clausework.demo");
  await shot(delegate, "clause-list");
  await openClause(delegate, base, /Protection of witnesses/);
  await shot(delegate, "clause-room-delegate");

  const chair = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await signIn(chair, base, "chair@clausework.demo");
  await openClause(chair, base, /Protection of witnesses/);
  await shot(chair, "clause-room-chair");
  await chair.goto(`${base}/admin`);
  await chair
    .getByRole("link")
    .filter({ hasText: /convention|draft/i })
    .first()
    .click();
  await chair.waitForLoadState("networkidle");
  await shot(chair, "administration");
  console.log(`screenshots written to ${OUT}/`);
} finally {
  await browser.close();
  await server.kill("SIGTERM");
  await database.drop();
}
