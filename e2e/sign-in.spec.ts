import { signIn } from "./support/demo";
import { expect, test } from "./support/test";

test("every page but sign-in asks for a session", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/signin/);
  await expect(page.getByRole("heading", { name: "Sign in to the drafting room" })).toBeVisible();
});

test("a wrong password gets a message that does not reveal whether the email exists", async ({ page }) => {
  async function refusalFor(email: string): Promise<string> {
    await page.goto("/signin");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page.getByTestId("sign-in-error")).toBeVisible();
    return (await page.getByTestId("sign-in-error").textContent()) ?? "";
  }
  const knownEmail = await refusalFor("australia@clausework.demo");
  const unknownEmail = await refusalFor("nobody-by-this-name@clausework.demo");
  expect(knownEmail).toMatch(/email or password is not correct/i);
  expect(unknownEmail).toBe(knownEmail);
  await expect(page).toHaveURL(/\/signin/);
});

test("a delegate signs in, sees the draft with its chapters and clauses, and signs out", async ({ page }) => {
  await signIn(page, "australia@clausework.demo");
  await expect(page.getByTestId("signed-in-user")).toContainText("Australia");
  await expect(page.getByRole("heading", { level: 1 })).toContainText(/information and communications technologies/i);
  await expect(page.getByRole("heading", { name: "Chapter II. Criminalization" })).toBeVisible();
  await expect(page.getByRole("link", { name: /child sexual abuse/i }).first()).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
  await page.goto("/");
  await expect(page).toHaveURL(/\/signin/);
});

test("an unknown clause is a real 404 page", async ({ page }) => {
  await signIn(page, "canada@clausework.demo");
  const response = await page.goto("/clauses/00000000-0000-4000-8000-000000000000");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "There is nothing here" })).toBeVisible();
  const malformed = await page.goto("/clauses/not-an-id");
  expect(malformed?.status()).toBe(404);
});
