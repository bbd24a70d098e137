import { expect, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "@/lib/seed/demo-users";

export { DEMO_PASSWORD };

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByTestId("signed-in-user")).toBeVisible();
}

/** Opens a clause from the home page's list by its title. */
export async function openClause(page: Page, title: string | RegExp): Promise<void> {
  await page.goto("/");
  await page.getByRole("link", { name: title }).click();
  // Generous: on a loaded two-core CI machine the first socket can take a while.
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-state", /saved|read-only/, { timeout: 30_000 });
}

/** Types at the end of the clause text. */
export async function typeAtEnd(page: Page, text: string): Promise<void> {
  const editor = page.getByTestId("clause-editor");
  await editor.click();
  await page.keyboard.press("ControlOrMeta+End");
  await page.keyboard.press("Enter");
  await page.keyboard.type(text);
}
