// Informal consultations: the chair restricts a clause to Australia; it works for Australia and
// does not exist for Canada — not in the list, and its address answers "not found".

import { openAdministration } from "./support/admin";
import { signIn, typeAtEnd } from "./support/demo";
import { expect, test } from "./support/test";

const CLAUSE = "Protection of witnesses";

test("a restricted clause is not found for an outsider and works for an insider", async ({ browser }) => {
  const chair = await (await browser.newContext()).newPage();
  await signIn(chair, "chair@clausework.demo");
  await openAdministration(chair);
  const row = chair.locator("li", { has: chair.getByText(new RegExp(`Article \\d+\\. ${CLAUSE}`)) }).first();
  await row.getByText(/^Edit article/).click();
  const restriction = row.getByRole("form", { name: /^Edit article/ });
  await restriction.getByLabel("AUS", { exact: true }).check();
  await restriction.getByRole("button", { name: "Save", exact: true }).click();
  await expect(restriction.getByRole("status")).toHaveText("Saved.");
  await expect(row.getByText("Restricted to AUS")).toBeVisible();

  const canada = await (await browser.newContext()).newPage();
  await signIn(canada, "canada@clausework.demo");
  await expect(canada.getByRole("link", { name: /Solicitation or grooming/i })).toBeVisible();
  await expect(canada.getByRole("link", { name: new RegExp(CLAUSE, "i") })).toHaveCount(0);

  const australia = await (await browser.newContext()).newPage();
  await signIn(australia, "australia@clausework.demo");
  await australia.getByRole("link", { name: new RegExp(CLAUSE, "i") }).click();
  await expect(australia.getByTestId("save-status")).toHaveText("Saved");
  const clauseUrl = australia.url();
  const words = `Wording for the friends of the chair ${Date.now()}`;
  await typeAtEnd(australia, words);
  await expect(australia.getByTestId("save-status")).toHaveText("Saved");

  // Canada, given the address, gets the ordinary 404 page — as if the clause did not exist.
  const response = await canada.goto(clauseUrl);
  expect(response?.status()).toBe(404);
  await expect(canada.getByRole("heading", { name: "There is nothing here" })).toBeVisible();
  await expect(canada.locator("body")).not.toContainText(CLAUSE);
  await expect(canada.locator("body")).not.toContainText(words);
});
