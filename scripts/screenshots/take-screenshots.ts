// The README's screenshots, taken as people would see the screens: a delegation proposes a
// replacement, another takes a position and comments, and the chair looks at the clause.
import { type Browser, expect, type Page, test } from "@playwright/test";
import { postNewComment, selectWords } from "../../e2e/support/comments";
import { openClause, signIn, typeAtEnd } from "../../e2e/support/demo";

const OUT = "docs/screenshots";
const CLAUSE = /Offences related to/;
const DESKTOP = { width: 1440, height: 900 };

async function personAt(browser: Browser, email: string, viewport = DESKTOP): Promise<Page> {
  const page = await (await browser.newContext({ viewport })).newPage();
  await signIn(page, email);
  return page;
}

async function shoot(page: Page, name: string): Promise<void> {
  // Carets blink and relative times tick: let the page settle first.
  await page.waitForTimeout(500);
  await page.screenshot({ path: `${OUT}/${name}.png` });
}

test("screenshots of the main screens", async ({ browser }) => {
  const signInPage = await (await browser.newContext({ viewport: DESKTOP })).newPage();
  await signInPage.goto("/signin");
  await shoot(signInPage, "sign-in");

  const chair = await personAt(browser, "chair@clausework.demo");
  await chair.goto("/");
  await expect(chair.getByRole("link", { name: CLAUSE })).toBeVisible();
  await shoot(chair, "clause-list");

  const australia = await personAt(browser, "australia@clausework.demo");
  await openClause(australia, CLAUSE);
  await selectWords(australia, "child pornography");
  await australia.keyboard.type("child sexual abuse material");
  await expect(australia.getByTestId("save-status")).toHaveText("Saved");
  await australia.keyboard.press("ControlOrMeta+Home");

  const canada = await personAt(browser, "canada@clausework.demo");
  await openClause(canada, CLAUSE);
  const proposal = canada.getByTestId("proposal").filter({ hasText: "child sexual abuse material" }).first();
  await expect(proposal).toBeVisible();
  await proposal.getByRole("button", { name: /supports/i }).click();
  await selectWords(canada, "visually indistinguishable");
  await canada.keyboard.press("Control+Alt+m");
  await postNewComment(canada, "Canada can accept this if the definition in article 2 follows the same wording.");

  await openClause(chair, CLAUSE);
  await expect(chair.getByTestId("thread").first()).toBeVisible();
  await shoot(chair, "clause-room");

  const phone = await personAt(browser, "new-zealand@clausework.demo", { width: 390, height: 844 });
  await openClause(phone, CLAUSE);
  await shoot(phone, "clause-room-phone");

  await chair.getByRole("link", { name: "Administration" }).click();
  await expect(chair.getByRole("heading").first()).toBeVisible();
  await shoot(chair, "administration");
  await chair
    .getByRole("link", { name: /Audit trail/ })
    .first()
    .click();
  await expect(chair.getByRole("table")).toBeVisible();
  await shoot(chair, "audit-trail");
});

test("screenshot of square brackets", async ({ browser }) => {
  // Canada brackets words of the sextortion article; the chair sees every delegation's brackets,
  // drawn [ … ] with their codes, the count in the header and the list with Remove brackets.
  const canada = await personAt(browser, "canada@clausework.demo");
  await openClause(canada, "Sexual extortion");
  await selectWords(canada, "money, further images");
  const panel = canada.getByRole("region", { name: "Square brackets" });
  await panel.getByLabel("Why (optional)").fill("Covered by article 16.");
  await panel.getByRole("button", { name: "Bracket the selected words" }).click();
  const chair = await personAt(browser, "chair@clausework.demo");
  await openClause(chair, "Sexual extortion");
  await expect(chair.locator('.bracket[data-bracket-code="CAN"]')).toBeVisible();
  await shoot(chair, "brackets");
});

test("screenshot of a compilation", async ({ browser }) => {
  // Article 16 of the demo: Jamaica's proposal on behalf of CARICOM, with the positions taken on it.
  const chair = await personAt(browser, "chair@clausework.demo");
  await chair.goto("/");
  await chair.getByRole("link", { name: "Compilations" }).first().click();
  await expect(chair.getByRole("heading", { name: "Compilations", level: 1 })).toBeVisible();
  await chair.getByRole("link", { name: /Non-consensual dissemination/ }).click();
  await expect(chair.getByTestId("positions-table")).toBeVisible();
  // From the article's heading: the text's end, the proposal with who stands where, and the table.
  await chair
    .locator('[data-section="proposals"]')
    .first()
    .evaluate((section) => section.scrollIntoView());
  await chair.mouse.wheel(0, -260);
  await shoot(chair, "compilation");
});

test("screenshot of work kept offline", async ({ browser }) => {
  // Jamaica's delegate on a phone loses the network while proposing words in Article 16: the
  // status counts what the device keeps until the server has it.
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const jamaica = await context.newPage();
  await signIn(jamaica, "jamaica@clausework.demo");
  await openClause(jamaica, /Non-consensual dissemination/);
  await context.setOffline(true);
  await expect(jamaica.getByTestId("save-status")).toHaveText("Offline");
  await typeAtEnd(jamaica, "States Parties shall provide victims with the means to have such images removed.");
  await expect(jamaica.getByTestId("save-status")).toHaveText(/kept on this device/);
  await jamaica.evaluate(() => window.scrollTo(0, 0));
  await shoot(jamaica, "offline-kept");
});

test("screenshot of a Word draft's preview", async ({ browser }) => {
  // The secretariat uploads the demo's own Word export (with proposals and comments) in
  // Administration → Import from Word and sees what it found; nothing is imported.
  const secretariat = await personAt(browser, "secretariat@clausework.demo");
  await secretariat.goto("/");
  const exportLink = await secretariat
    .getByTestId("export-menu")
    .locator('a[href*="format=docx&variant=proposals"]')
    .first()
    .getAttribute("href");
  const word = await secretariat.request.get(exportLink as string);
  expect(word.status()).toBe(200);
  await secretariat.getByRole("link", { name: "Administration" }).click();
  await secretariat
    .getByRole("navigation", { name: "Administration" })
    .getByRole("link", { name: "Import from Word" })
    .click();
  await secretariat.getByLabel(/Word draft \(\.docx/).setInputFiles({
    name: "ICT crime convention, with proposals.docx",
    mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    buffer: Buffer.from(await word.body()),
  });
  await secretariat.getByRole("button", { name: "Preview" }).click();
  await expect(secretariat.getByRole("region", { name: "Chapters and articles found" })).toBeVisible();
  await shoot(secretariat, "word-import");
});
