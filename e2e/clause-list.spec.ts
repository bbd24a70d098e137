// The clause list: finding a clause by words, topic and status, and the Export menu closing the
// way menus do (Escape, a click elsewhere).
import { signIn } from "./support/demo";
import { expect, test } from "./support/test";

test("the clause list finds clauses by words, topic and status", async ({ page }) => {
  await signIn(page, "canada@clausework.demo");
  const articles = page.getByRole("link", { name: /^Article \d+/ });
  const all = await articles.count();
  expect(all).toBeGreaterThan(5);

  await page.getByLabel("Search", { exact: true }).fill("assistance VICTIMS");
  await expect(articles).toHaveCount(1);
  await expect(page.getByRole("link", { name: /Assistance to and protection of victims/ })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "1 of" })).toBeVisible();
  // A chapter with nothing left to show goes too.
  await expect(page.getByRole("heading", { name: /Chapter I\. General provisions/ })).toBeHidden();

  await page.getByLabel("Search", { exact: true }).fill("");
  await page.getByLabel("Topic", { exact: true }).selectOption("gender");
  await expect(page.getByRole("link", { name: /Gender mainstreaming/ })).toBeVisible();
  await expect(page.getByRole("link", { name: /Statement of purpose/ })).toBeHidden();
  await page.getByLabel("Status", { exact: true }).selectOption("AGREED");
  await expect(page.getByRole("status").filter({ hasText: "No clause matches." })).toBeVisible();
  await expect(articles).toHaveCount(0);

  await page.getByLabel("Topic", { exact: true }).selectOption("");
  await page.getByLabel("Status", { exact: true }).selectOption("");
  await expect(articles).toHaveCount(all);
});

test("Escape and a click elsewhere close the Export menu", async ({ page }) => {
  await signIn(page, "canada@clausework.demo");
  const menu = page.getByTestId("export-menu");
  const choice = page.getByRole("link", { name: /Clean text \(printable page\)/ });
  const button = menu.getByText("Export", { exact: true });

  await button.click();
  await expect(choice).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(choice).toBeHidden();
  // Focus goes back to the menu's button, as after closing any menu.
  await expect(button).toBeFocused();

  await button.click();
  await expect(choice).toBeVisible();
  await page.getByRole("heading", { level: 1 }).first().click();
  await expect(choice).toBeHidden();

  // Keyboard: open with Enter, leave with Tab past the last choice, and it closes.
  await button.focus();
  await page.keyboard.press("Enter");
  await expect(choice).toBeVisible();
  // Past every choice (how many depends on the saved versions the menu offers), and out.
  const inMenu = () => menu.evaluate((details) => details.contains(document.activeElement));
  for (let i = 0; i < 12 && (await inMenu()); i++) await page.keyboard.press("Tab");
  expect(await inMenu()).toBe(false);
  await expect(choice).toBeHidden();
});
