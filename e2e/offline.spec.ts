// Offline that keeps work: what is typed while the network is gone is kept on the device, the
// status says so at once ("Offline — N changes kept on this device"), a page closed while
// offline loses nothing — the next visit sends it, the others see it, and only then "Saved" —
// and an offline edit the server refuses is named to its author and forgotten by the device.
// Words kept through a session that ended are saved too: the room goes to sign-in and back.
import type { BrowserContext } from "@playwright/test";
import { decode, encode, type JWT } from "next-auth/jwt";
import { hashPassword } from "@/lib/auth/password";
import { IDLE_MINUTES } from "@/lib/auth/session-lifetime";
import { DEMO_PASSWORD } from "@/lib/seed/demo-users";
import { selectWords } from "./support/comments";
import { openClause, signIn, typeAtEnd } from "./support/demo";
import { negotiateOpen } from "./support/negotiate-open";
import { withDatabase } from "./support/sessions";
import { expect, type Page, test } from "./support/test";
import { freshPerson } from "./support/two-instruments";

const INTIMATE_IMAGES = /Non-consensual dissemination/;
const COOPERATION = /General principles of international cooperation/;

// The demo agrees this article as a whole, and an agreed article refuses delegations' proposals:
// reopened first, as the chair would (e2e/support/negotiate-open.ts).
test.beforeAll(() => negotiateOpen("General principles of international cooperation"));
const KEPT_ON_DEVICE = /^Offline — \d+ changes? kept on this device$/;
const MINUTE = 60_000;
const SECRET = process.env.NEXTAUTH_SECRET as string;
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };

/** The number of changes the status says are kept on this device. */
async function keptCount(page: Page): Promise<number> {
  const text = (await page.getByTestId("save-status").textContent()) ?? "";
  return Number(text.match(KEPT_ON_DEVICE) ? text.match(/\d+/)?.[0] : 0);
}

/** The browser's session token, decoded. */
async function sessionToken(context: BrowserContext): Promise<JWT & { signedInAt: number; activeAt: number }> {
  const cookie = (await context.cookies()).find((c) => c.name.endsWith("next-auth.session-token"));
  const token = cookie ? await decode({ token: cookie.value, secret: SECRET }) : null;
  if (!token) throw new Error("no session cookie");
  return token as JWT & { signedInAt: number; activeAt: number };
}

/** Rewrites when the browser's session began and was last active, as the server would have issued it. */
async function setSessionTimes(context: BrowserContext, times: { signedInAt: number; activeAt: number }) {
  const { iat: _iat, exp: _exp, jti: _jti, ...token } = await sessionToken(context);
  const value = await encode({ token: { ...token, ...times }, secret: SECRET });
  await context.addCookies([
    { name: "next-auth.session-token", value, url: test.info().project.use.baseURL as string },
  ]);
}

/**
 * Sets this page's clock `by` ms behind (0: right again), until it navigates. The page's own
 * scripts read the time through the global Date, so replacing it is enough.
 */
function setClockBack(page: Page, by: number): Promise<void> {
  return page.evaluate((shift) => {
    const real = (window as unknown as { realDate?: DateConstructor }).realDate ?? Date;
    (window as unknown as { realDate?: DateConstructor }).realDate = real;
    class Shifted extends real {
      constructor(...args: []) {
        if (args.length === 0) super(real.now() - shift);
        else super(...args);
      }
      static now() {
        return real.now() - shift;
      }
    }
    window.Date = (shift === 0 ? real : Shifted) as DateConstructor;
  }, by);
}

/** How many edits this page's origin keeps in IndexedDB, for everyone. */
function keptRecords(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open("clausework-kept-edits", 1);
        open.onupgradeneeded = () => {
          const edits = open.result.createObjectStore("edits", { keyPath: "key", autoIncrement: true });
          edits.createIndex("by-owner", "owner");
        };
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const count = open.result.transaction("edits").objectStore("edits").count();
          count.onsuccess = () => {
            open.result.close();
            resolve(count.result);
          };
        };
      }),
  );
}

test("what a delegate types offline is kept through a closed page and reaches the others when back", async ({
  browser,
}) => {
  const phone = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
  const jamaica = await phone.newPage();
  const chair = await (await browser.newContext({ viewport: DESKTOP })).newPage();
  await signIn(jamaica, "jamaica@clausework.demo");
  await signIn(chair, "chair@clausework.demo");
  await openClause(jamaica, INTIMATE_IMAGES);
  await openClause(chair, INTIMATE_IMAGES);
  const status = jamaica.getByTestId("save-status");

  const online = `Proposed while online ${Date.now()}`;
  await typeAtEnd(jamaica, online);
  await expect(chair.getByTestId("clause-editor")).toContainText(online);
  await expect(status).toHaveText("Saved");

  await phone.setOffline(true);
  // At once, not after the socket's silence limit.
  await expect(status).toHaveText("Offline", { timeout: 3_000 });
  const offline = `Typed with the network gone ${Date.now()}`;
  await typeAtEnd(jamaica, offline);
  await expect(status).toHaveText(KEPT_ON_DEVICE);
  // One change per keystroke, each counted once it is written to the device.
  await expect.poll(() => keptCount(jamaica)).toBeGreaterThanOrEqual(offline.length);
  expect(await keptRecords(jamaica)).toBe(await keptCount(jamaica));
  // Nothing of it reached the server while offline.
  await chair.waitForTimeout(1_000);
  await expect(chair.getByTestId("clause-editor")).not.toContainText(offline);

  // The tab is closed while offline; the delegate comes back later, online.
  await jamaica.close();
  await phone.setOffline(false);
  const back = await phone.newPage();
  await openClause(back, INTIMATE_IMAGES);
  await expect(back.getByTestId("save-status")).toHaveText("Saved");
  await expect(back.getByTestId("clause-editor")).toContainText(offline);
  await expect(chair.getByTestId("clause-editor")).toContainText(offline);
  // Judged like any suggestion: a proposal of Jamaica's, in the panel.
  await expect(chair.getByTestId("proposal").filter({ hasText: offline })).toContainText("Jamaica");
  await expect.poll(() => keptRecords(back)).toBe(0);
  await chair.reload();
  await expect(chair.getByTestId("clause-editor")).toContainText(offline);
});

test("a socket that goes silent says Offline within seconds, and what was typed is saved once it answers", async ({
  browser,
}) => {
  const context = await browser.newContext({ viewport: DESKTOP });
  const chair = await context.newPage();
  let cut = false;
  // The network dies without the device noticing: frames on the open socket are lost both
  // ways, nothing closes it; new connections fail at once, as they do on a dead network.
  await chair.routeWebSocket(/\/collab$/, (socket) => {
    if (cut) return void socket.close({ code: 1006 });
    const server = socket.connectToServer();
    socket.onMessage((message) => !cut && server.send(message));
    server.onMessage((message) => !cut && socket.send(message));
  });
  await signIn(chair, "chair@clausework.demo");
  await openClause(chair, COOPERATION);
  const status = chair.getByTestId("save-status");
  cut = true;
  const words = `Typed into a dead connection ${Date.now()}`;
  await typeAtEnd(chair, words);
  await expect(status).toHaveText("Saving…");
  await expect(status).toHaveText(KEPT_ON_DEVICE, { timeout: 10_000 });
  cut = false;
  await expect(status).toHaveText("Saved", { timeout: 20_000 });
  const reader = await (await browser.newContext()).newPage();
  await signIn(reader, "secretariat@clausework.demo");
  await openClause(reader, COOPERATION);
  await expect(reader.getByTestId("clause-editor")).toContainText(words);
});

test("an offline direct edit the server refuses when it arrives is named to its author, not resent", async ({
  browser,
}) => {
  // A member of the secretariat types directly while offline; by the time the edit reaches the
  // server they act for a delegation, which may only suggest.
  const organization = (code: string) =>
    withDatabase(
      async (db) => (await db.query(`SELECT id FROM "Organization" WHERE code = $1`, [code])).rows[0].id as string,
    );
  const person = await freshPerson(await organization("CHAIR"));
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await withDatabase((db) =>
    db.query(`UPDATE "User" SET "passwordHash" = $1 WHERE id = $2`, [passwordHash, person.id]),
  );

  const context = await browser.newContext({ viewport: DESKTOP });
  const page = await context.newPage();
  await signIn(page, person.email);
  await openClause(page, COOPERATION);
  const status = page.getByTestId("save-status");
  await context.setOffline(true);
  const direct = `Direct words typed offline ${Date.now()}`;
  await typeAtEnd(page, direct);
  await expect(status).toHaveText(KEPT_ON_DEVICE);
  // Closed once the status counts every keystroke as kept.
  await expect.poll(() => keptCount(page)).toBeGreaterThanOrEqual(direct.length);
  await page.close();

  // Moved to Jamaica's delegation while away; their sessions end, so they sign in again as Jamaica.
  const jamaica = await organization("JAM");
  await withDatabase(async (db) => {
    await db.query(`UPDATE "Membership" SET "organizationId" = $1 WHERE "userId" = $2`, [jamaica, person.id]);
    await db.query(`UPDATE "User" SET "sessionVersion" = "sessionVersion" + 1 WHERE id = $1`, [person.id]);
  });
  await context.setOffline(false);
  const back = await context.newPage();
  await signIn(back, person.email);
  await back.goto("/");
  await back.getByRole("link", { name: COOPERATION }).click();
  const dropped = back.getByTestId("dropped-edit");
  await expect(dropped).toContainText("only the chair can do");
  await expect(dropped).toContainText(`Not kept: “${direct}”`);
  await expect(back.getByTestId("save-status")).toHaveText("Saved", { timeout: 30_000 });
  await expect(back.getByTestId("clause-editor")).not.toContainText(direct);
  await expect.poll(() => keptRecords(back)).toBe(0);
  // Not sent again on the next visit.
  await back.reload();
  await expect(back.getByTestId("save-status")).toHaveText("Saved", { timeout: 30_000 });
  await expect(back.getByTestId("dropped-edit")).toHaveCount(0);
  const chair = await (await browser.newContext()).newPage();
  await signIn(chair, "chair@clausework.demo");
  await openClause(chair, COOPERATION);
  await expect(chair.getByTestId("clause-editor")).not.toContainText(direct);
});

test("signing out forgets what was kept on the device", async ({ browser }) => {
  const context = await browser.newContext({ viewport: DESKTOP });
  const page = await context.newPage();
  await signIn(page, "jamaica@clausework.demo");
  await openClause(page, INTIMATE_IMAGES);
  await context.setOffline(true);
  const words = `Kept until sign-out ${Date.now()}`;
  await typeAtEnd(page, words);
  await expect(page.getByTestId("save-status")).toHaveText(KEPT_ON_DEVICE);
  expect(await keptRecords(page)).toBeGreaterThan(0);
  // Signing out forgets them first, even before the server can be told.
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect.poll(() => keptRecords(page)).toBe(0);
  await page.close();
  await context.setOffline(false);
  const back = await context.newPage();
  await openClause(back, INTIMATE_IMAGES);
  await expect(back.getByTestId("save-status")).toHaveText("Saved");
  await expect(back.getByTestId("clause-editor")).not.toContainText(words);
});

test("words kept on the device through a session that ended are saved after signing in again", async ({ browser }) => {
  const device = await browser.newContext({ viewport: DESKTOP });
  const jamaica = await device.newPage();
  const chair = await (await browser.newContext({ viewport: DESKTOP })).newPage();
  await signIn(jamaica, "jamaica@clausework.demo");
  await signIn(chair, "chair@clausework.demo");
  // The delegate signed in 50 minutes ago (the cookie carries its times, lib/auth/session-lifetime.ts).
  await setSessionTimes(device, { signedInAt: Date.now() - 50 * MINUTE, activeAt: Date.now() });
  // A clause where the words start a proposal of their own (the first journey grows one in Article 16).
  await openClause(jamaica, COOPERATION);
  await openClause(chair, COOPERATION);
  const status = jamaica.getByTestId("save-status");

  await device.setOffline(true);
  await expect(status).toHaveText("Offline", { timeout: 3_000 });
  // Typed 20 minutes ago, offline: this page's clock runs 20 minutes behind while the words are typed.
  const typedAt = Date.now() - 20 * MINUTE;
  await setClockBack(jamaica, 20 * MINUTE);
  // The editor stamps proposals with `new Date()`.
  const pageNow = Date.parse(await jamaica.evaluate(() => new Date().toISOString()));
  expect(Math.abs(pageNow - typedAt)).toBeLessThan(MINUTE);
  const words = `Typed offline before the session ended ${Date.now()}`;
  await typeAtEnd(jamaica, words);
  await expect.poll(() => keptCount(jamaica)).toBeGreaterThanOrEqual(words.length);
  await setClockBack(jamaica, 0);
  // Meanwhile the session ended: an hour without activity.
  await setSessionTimes(device, {
    signedInAt: Date.now() - 90 * MINUTE,
    activeAt: Date.now() - IDLE_MINUTES * MINUTE - 1_000,
  });

  // Back online, the room finds the session gone and goes to sign-in, which leads back to the clause.
  await device.setOffline(false);
  await expect(jamaica).toHaveURL(/\/signin\?next=%2Fclauses%2F/);
  await jamaica.getByLabel("Email").fill("jamaica@clausework.demo");
  await jamaica.getByLabel("Password").fill(DEMO_PASSWORD);
  await jamaica.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(jamaica).toHaveURL(/\/clauses\//);
  const signedIn = (await sessionToken(device)).signedInAt;
  // The words, stamped 20 minutes before this session began (which the server refuses), are put
  // back stamped for it, and kept.
  await expect(jamaica.getByTestId("save-status")).toHaveText("Saved", { timeout: 30_000 });
  await expect(jamaica.getByTestId("clause-editor")).toContainText(words);
  await expect(jamaica.getByTestId("dropped-edit")).toHaveCount(0);
  await expect(chair.getByTestId("clause-editor")).toContainText(words);
  await expect(chair.getByTestId("proposal").filter({ hasText: words })).toContainText("Jamaica");
  await expect.poll(() => keptRecords(jamaica)).toBe(0);
  // The proposals index records it a moment after it is stored.
  const proposedAt = () =>
    withDatabase(async (db) => {
      const { rows } = await db.query(`SELECT "proposedAt" FROM "Proposal" WHERE "insertedText" LIKE $1`, [
        `%${words}%`,
      ]);
      return rows.length === 1 ? (rows[0].proposedAt as Date).getTime() : null;
    });
  await expect.poll(proposedAt).not.toBeNull();
  const stamped = (await proposedAt()) as number;
  expect(stamped).toBeGreaterThan(typedAt + 15 * MINUTE);
  expect(stamped).toBeGreaterThanOrEqual(signedIn);
  await chair.reload();
  await expect(chair.getByTestId("clause-editor")).toContainText(words);
});

test("a proposed deletion kept offline and refused when it arrives is named with its words", async ({ browser }) => {
  const context = await browser.newContext({ viewport: DESKTOP });
  const page = await context.newPage();
  await signIn(page, "jamaica@clausework.demo");
  await openClause(page, COOPERATION);
  // Agreed words no other journey touches.
  const struck = "domestic law";
  await selectWords(page, struck);
  await context.setOffline(true);
  await expect(page.getByTestId("save-status")).toHaveText("Offline", { timeout: 3_000 });
  await page.keyboard.press("Backspace");
  await expect(page.getByTestId("save-status")).toHaveText(KEPT_ON_DEVICE);
  await page.close();

  // Meanwhile the chair agreed the article as a whole: delegations' proposals on it are refused.
  await withDatabase((db) => db.query(`UPDATE "Clause" SET status = 'AGREED' WHERE title = $1`, [COOPERATION.source]));
  try {
    await context.setOffline(false);
    const back = await context.newPage();
    await openClause(back, COOPERATION);
    await expect(back.getByTestId("dropped-edit")).toContainText(`Not kept: the proposed deletion of “${struck}”`);
    await expect.poll(() => keptRecords(back)).toBe(0);
  } finally {
    await negotiateOpen(COOPERATION.source);
  }
});
