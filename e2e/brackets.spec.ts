// Square brackets: Canada brackets words of the sextortion article with a reason; the chair sees
// them drawn as [ … ] with Canada's code at once, and the clause's count of bracketed passages
// goes up; the chair removes the brackets — the words are agreed — the count drops for both,
// and the clause's history records who removed them, whose brackets they were and why.
import { selectWords } from "./support/comments";
import { openClause, signIn } from "./support/demo";
import { expect, type Page, test } from "./support/test";

const SEXTORTION = "Sexual extortion";
const WORDS = "money, further images";

async function signedInAt(browser: import("@playwright/test").Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email);
  await openClause(page, SEXTORTION);
  return page;
}

const headerCount = (page: Page) => page.locator("main > header").getByTestId("open-brackets-count");
const countIn = async (page: Page) => Number((await headerCount(page).textContent())?.match(/\[(\d+)\]/)?.[1]);

test("a delegation brackets words, the chair sees them live and removes the brackets, which the history records", async ({
  browser,
}) => {
  const canada = await signedInAt(browser, "canada@clausework.demo");
  const chair = await signedInAt(browser, "chair@clausework.demo");
  // The seeded brackets are drawn and counted; the panel lists them with their delegations.
  const panel = (page: Page) => page.getByRole("region", { name: "Square brackets" });
  await expect(chair.getByTestId("clause-editor").locator('.bracket[data-bracket-code="AUS"]').first()).toBeVisible();
  const before = await countIn(chair);
  expect(before).toBeGreaterThan(0);
  await expect(panel(chair).getByTestId("brackets-remaining")).toHaveText(`${before} passages in brackets`);
  // A delegation may not remove brackets: the button is not there.
  await expect(panel(canada).getByRole("button", { name: /Remove brackets/ })).toHaveCount(0);

  await selectWords(canada, WORDS);
  await panel(canada).getByLabel("Why (optional)").fill("Covered by article 16.");
  await panel(canada).getByRole("button", { name: "Bracket the selected words" }).click();

  // The chair sees Canada's brackets around the words, live, and the count goes up.
  const bracketed = chair.getByTestId("clause-editor").locator('.bracket[data-bracket-code="CAN"]', { hasText: WORDS });
  await expect(bracketed).toBeVisible();
  await expect(bracketed).toHaveAttribute("title", "Bracketed by CAN");
  // Drawn, not typed: the brackets are not characters of the text.
  await expect(chair.getByTestId("clause-editor")).not.toContainText(`[${WORDS}`);
  expect(await bracketed.evaluate((node) => getComputedStyle(node, "::before").content)).toBe('"["');
  await expect(headerCount(chair)).toContainText(`[${before + 1}]`);
  await expect(headerCount(canada)).toContainText(`[${before + 1}]`);
  const entry = panel(chair)
    .getByRole("listitem")
    .filter({ hasText: `[${WORDS}] — CAN` });
  await expect(entry).toContainText("CAN (Marc-André Gagnon");
  await expect(entry).toContainText("Covered by article 16.");

  // The chair removes them: the words are agreed. Both see the brackets go and the count drop.
  await entry.getByRole("button", { name: `Remove brackets (agreed): ${WORDS}` }).click();
  await expect(bracketed).toHaveCount(0);
  await expect(canada.getByTestId("clause-editor").locator('.bracket[data-bracket-code="CAN"]')).toHaveCount(0);
  await expect(headerCount(chair)).toContainText(`[${before}]`);
  await expect(headerCount(canada)).toContainText(`[${before}]`);
  await expect(canada.getByTestId("clause-editor")).toContainText(WORDS);

  // The clause list counts the same.
  await canada.goto("/");
  const row = canada.locator("li[data-clause-id]").filter({ hasText: SEXTORTION });
  await expect(row.getByTestId("open-brackets-count")).toContainText(`[${before}] passages in brackets`);
  await row.getByRole("link").click();

  // The clause's history says so.
  await canada.getByRole("link", { name: "History" }).click();
  const removal = canada.getByTestId("bracket-removed").filter({ hasText: WORDS });
  await expect(removal).toContainText("Inés Valderrama removed the brackets around");
  await expect(removal).toContainText("bracketed by CAN, Marc-André Gagnon: Covered by article 16.");
});
