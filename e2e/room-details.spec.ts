// The clause room's details as delegations meet them: buttons that say which proposal or thread
// they act on, Tab that moves on instead of being refused, refusals that name a delegation
// without a possessive, Undo that forgets what the chair's decision took away, a focus ring on
// the text, and delegations mentioned by name and told so.
import { caretAfter, commentOn, selectWords, thread } from "./support/comments";
import { openClause, signIn } from "./support/demo";
import { negotiateOpen } from "./support/negotiate-open";
import { type Browser, expect, type Page, test } from "./support/test";

const CLAUSE = /Respect for human rights/;

// Agreed as a whole in the demo: reopened first, so delegations may propose in it.
test.beforeAll(() => negotiateOpen("Respect for human rights"));

async function inClause(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  await signIn(page, email);
  await openClause(page, CLAUSE);
  return page;
}

test("buttons name their proposal and thread; Tab moves on; a refusal names the delegation plainly", async ({
  browser,
}) => {
  const philippines = await inClause(browser, "philippines@clausework.demo");
  const canada = await inClause(browser, "canada@clausework.demo");
  const australia = await inClause(browser, "australia@clausework.demo");

  const words = ` and non-discriminatory ${Date.now() % 10_000}`;
  await caretAfter(philippines, "lawful, necessary and proportionate");
  await philippines.keyboard.type(words);
  await expect(philippines.getByTestId("save-status")).toHaveText("Saved");
  await commentOn(canada, "an effective remedy", "Which remedy is meant?");

  // Australia's position buttons name the proposal they are about; the Reply button, its thread.
  const card = australia.getByTestId("proposal").filter({ hasText: words.trim() });
  await expect(
    card.getByRole("button", { name: `Supports the proposal (Philippines): ‘${words.trim()}’`, exact: true }),
  ).toBeVisible();
  await expect(card.getByRole("button", { name: /^Opposes the proposal \(Philippines\): ‘and non/ })).toBeVisible();
  await expect(card.getByRole("button", { name: /^Reserves the proposal \(Philippines\)/ })).toBeVisible();
  await expect(
    thread(australia, "Which remedy").getByRole("button", { name: "Reply to the thread on ‘an effective remedy’" }),
  ).toBeVisible();

  // Canada, next to the Philippines' words inside a numbered paragraph, presses Tab: no refusal,
  // the numbering is unchanged, and the focus moves on out of the text.
  const editor = canada.getByTestId("clause-editor");
  const nested = () => editor.locator("ol ol").count();
  const before = await nested();
  await caretAfter(canada, words.trim());
  await expect(editor).toBeFocused();
  await canada.keyboard.press("Tab");
  await expect(editor).not.toBeFocused();
  await canada.waitForTimeout(300);
  await expect(canada.getByRole("button", { name: "Dismiss" })).toHaveCount(0);
  expect(await nested()).toBe(before);

  // Deleting the Philippines' words is refused, with the delegation named in apposition.
  await selectWords(canada, words.trim().slice(4, 20));
  await canada.keyboard.press("Backspace");
  await expect(canada.getByRole("status").filter({ hasText: "another delegation's proposal" })).toHaveText(
    /Those words are another delegation's proposal \(Philippines\)\. They stay until that delegation withdraws them/,
  );
  await expect(canada.getByText(/Philippines's|Philippines’s/)).toHaveCount(0);
});

test("the clause text shows a focus ring, and Undo is dropped once the chair rejects the proposal", async ({
  browser,
}) => {
  const jamaica = await inClause(browser, "jamaica@clausework.demo");
  const chair = await inClause(browser, "chair@clausework.demo");

  const editor = jamaica.getByTestId("clause-editor");
  await expect(editor).not.toBeFocused();
  await editor.focus();
  await expect(editor).toHaveCSS("outline-style", "solid");
  await expect(editor).not.toHaveCSS("outline-width", "0px");

  const words = ` in good faith ${Date.now() % 10_000}`;
  await caretAfter(jamaica, "international human rights law permits");
  await jamaica.keyboard.type(words);
  await expect(jamaica.getByTestId("save-status")).toHaveText("Saved");
  const undo = jamaica.getByRole("button", { name: "Undo your last change" });
  await expect(undo).toBeEnabled();

  await chair
    .getByTestId("proposal")
    .filter({ hasText: words.trim() })
    .getByRole("button", { name: "Reject this proposal" })
    .click();
  await expect(editor).not.toContainText(words.trim());
  // Nothing of Jamaica's is left to undo: the button says so, and Ctrl+Z changes nothing.
  await expect(undo).toBeDisabled();
  const text = await editor.textContent();
  await editor.focus();
  await jamaica.keyboard.press("ControlOrMeta+z");
  await jamaica.waitForTimeout(300);
  expect(await editor.textContent()).toBe(text);
  await expect(jamaica.getByRole("button", { name: "Dismiss" })).toHaveCount(0);
});

test("choosing a delegation in the mention list writes its name, and its people are told it was their delegation", async ({
  browser,
}) => {
  const australia = await inClause(browser, "australia@clausework.demo");
  const body = `Over to you ${Date.now() % 100_000}`;
  await australia.getByRole("button", { name: "Comment on the whole clause" }).click();
  const composer = australia.getByTestId("new-thread").getByRole("combobox", { name: "Your comment" });
  await composer.pressSequentially(`${body} @PHL`);
  // The code finds the delegation; its name is what goes in.
  const option = australia
    .getByRole("listbox", { name: "People and delegations to mention" })
    .getByRole("option", { name: /^Philippines/ });
  await expect(option).toContainText("Delegation · PHL");
  await option.click();
  await expect(composer).toHaveValue(`${body} @Philippines `);
  await australia.getByTestId("new-thread").getByRole("button", { name: "Comment", exact: true }).click();
  await expect(thread(australia, body).locator("[data-mention]")).toHaveText("@Philippines");

  const philippines = await (await browser.newContext()).newPage();
  await signIn(philippines, "philippines@clausework.demo");
  await philippines.getByTestId("notification-bell").click();
  const item = philippines.getByTestId("notification-list").getByRole("link").filter({ hasText: body });
  await expect(item).toContainText("mentioned your delegation (Philippines) on Article 6");
  await expect(item).not.toContainText("mentioned you on");
});
