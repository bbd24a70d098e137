import { expect, test } from "@playwright/test";
import { signIn } from "./support/demo";

test("every page but sign-in asks for a session", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/signin/);
  await expect(page.getByRole("heading", { name: "Sign in to the drafting room" })).toBeVisible();
});

test("a wrong password gets a message that does not reveal whether the email exists", async ({ page }) => {
  await page.goto("/signin");
  await page.getByLabel("Email").fill("australia@clausework.demo");
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  const wrongPassword = await page.getByRole("alert").textContent();

  await page.getByLabel("Email").fill("nobody-by-this-name@clausework.demo");
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("alert")).toHaveText(wrongPassword ?? "");
  expect(wrongPassword).toMatch(/email or password is not correct/i);
  await expect(page).toHaveURL(/\/signin/);
});

test("a delegate signs in, sees the draft with its chapters and clauses, and signs out", async ({ page }) => {
  await signIn(page, "australia@clausework.demo");
  await expect(page.getByTestId("signed-in-user")).toContainText("Australia");
  await expect(page.getByRole("heading", { level: 1 })).toContainText(/information and communications technologies/i);
  await expect(page.getByRole("heading", { name: /Chapter II/ })).toBeVisible();
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
