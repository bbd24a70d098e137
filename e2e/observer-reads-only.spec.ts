import { openClause, signIn } from "./support/demo";
import { expect, test } from "./support/test";

const CLAUSE = /Solicitation or grooming/i;

test("an observer opens a clause but cannot type in it", async ({ page }) => {
  await signIn(page, "observer@clausework.demo");
  await openClause(page, CLAUSE);
  await expect(page.getByTestId("save-status")).toHaveText("Read only");
  const editor = page.getByTestId("clause-editor");
  await expect(editor).toHaveAttribute("contenteditable", "false");
  const before = await editor.textContent();
  await editor.click();
  await page.keyboard.type("An observer tries to change the text");
  await expect(editor).not.toContainText("An observer tries to change the text");
  expect(await editor.textContent()).toBe(before);
  // No administration for observers, and its pages do not exist for them.
  await expect(page.getByRole("link", { name: "Administration" })).toHaveCount(0);
  expect((await page.goto("/admin"))?.status()).toBe(404);
});
