// Alternatives: Canada offers another wording for words of the "Use of terms" article; the chair
// sees the set at once — Alt 1 the words marked in the text, Alt 2 Canada's wording, sponsored by
// CAN — and the clause's count of open sets goes up; Germany supports Alt 2; the chair chooses it:
// the words are replaced for both, the count drops, and the clause's history keeps every option
// with its sponsors and supporters.
import { selectWords } from "./support/comments";
import { openClause, signIn } from "./support/demo";
import { expect, type Page, test } from "./support/test";

const USE_OF_TERMS = /Use of terms/;
const WORDS = "does not define";
const WORDING = "leaves undefined";

async function signedInAt(browser: import("@playwright/test").Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email);
  await openClause(page, USE_OF_TERMS);
  return page;
}

const headerCount = (page: Page) => page.locator("main > header").getByTestId("open-alternatives-count");
const panel = (page: Page) => page.getByRole("region", { name: "Alternatives" });

test("a delegation proposes an alternative, the chair sees it live and chooses it, which the history records", async ({
  browser,
}) => {
  const canada = await signedInAt(browser, "canada@clausework.demo");
  const chair = await signedInAt(browser, "chair@clausework.demo");
  const germany = await signedInAt(browser, "germany@clausework.demo");
  // The seeded set (the definition of "victim") is marked and counted.
  await expect(chair.getByTestId("clause-editor").locator(".alternatives").first()).toBeVisible();
  await expect(headerCount(chair)).toHaveText("1 set of alternatives");
  // A delegation may not choose: the button is not there.
  await expect(panel(canada).getByRole("button", { name: /Choose Alt/ })).toHaveCount(0);

  await selectWords(canada, WORDS);
  await panel(canada).getByLabel("Alternative wording").fill(WORDING);
  await panel(canada).getByRole("button", { name: "Propose an alternative" }).click();

  // The chair sees it live: Alt 1 marked in the text, the set listed with Canada as sponsor.
  const marked = chair.getByTestId("clause-editor").locator(".alternatives", { hasText: WORDS });
  await expect(marked).toBeVisible();
  await expect(headerCount(chair)).toHaveText("2 sets of alternatives");
  const set = panel(chair).locator("li[data-alternatives]").filter({ hasText: WORDING });
  await expect(set.locator('[data-alt="1"]')).toContainText(`Alt 1: “${WORDS}” — the text`);
  await expect(set.locator('[data-alt="2"]')).toContainText(`Alt 2: “${WORDING}” — CAN`);
  // Written as negotiators write it only in exports: in the text, the words are not typed twice.
  await expect(chair.getByTestId("clause-editor")).not.toContainText(WORDING);

  // Germany supports Alt 2; the chair sees the support.
  await panel(germany)
    .locator("li[data-alternatives]")
    .filter({ hasText: WORDING })
    .getByRole("button", {
      name: "Support Alt 2",
    })
    .click();
  await expect(set.locator('[data-alt="2"]')).toContainText("supported by DEU");

  // The chair chooses Alt 2: the words are replaced for everyone, and the count drops.
  await set.getByRole("button", { name: "Choose Alt 2" }).click();
  await expect(canada.getByTestId("clause-editor")).toContainText(`Terms that this article ${WORDING} shall`);
  await expect(chair.getByTestId("clause-editor")).not.toContainText(WORDS);
  await expect(marked).toHaveCount(0);
  await expect(headerCount(canada)).toHaveText("1 set of alternatives");
  await expect(panel(canada).locator("li[data-alternatives]").filter({ hasText: WORDING })).toHaveCount(0);

  // The history keeps every option, with sponsors and supporters.
  await canada.getByRole("link", { name: "History" }).click();
  const entry = canada.getByTestId("alternatives-chosen").filter({ hasText: WORDING });
  await expect(entry).toContainText("chose Alt 2 of the alternatives");
  await expect(entry).toContainText(`Alt 1: “${WORDS}” (the text)`);
  await expect(entry).toContainText(`Alt 2: “${WORDING}” (CAN; supported by DEU) — chosen`);
});
