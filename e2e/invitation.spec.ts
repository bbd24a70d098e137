// The secretariat creates a clause, invites a person with a one-time link, and that person
// signs in through it and finds the new clause.

import { openAdministration } from "./support/admin";
import { signIn } from "./support/demo";
import { expect, test } from "./support/test";

test("the secretariat creates a clause, invites a person, and that person signs in through the link", async ({
  browser,
}) => {
  const secretariat = await (await browser.newContext()).newPage();
  await signIn(secretariat, "secretariat@clausework.demo");
  await openAdministration(secretariat);

  const title = `Gender adviser ${Date.now()}`;
  const newClause = secretariat.getByRole("form", { name: "New clause" });
  await newClause.getByLabel("Chapter").selectOption({ label: "II. Criminalization" });
  await newClause.getByLabel("Article number").fill("16 bis");
  await newClause.getByLabel("Title").fill(title);
  await newClause.getByLabel("Topics (comma-separated)").fill("gender");
  await newClause.getByRole("button", { name: "Add clause" }).click();
  await expect(newClause.getByRole("status")).toHaveText("Clause added.");
  await expect(secretariat.getByText(`Article 16 bis. ${title}`)).toBeVisible();

  await secretariat.getByRole("link", { name: "Delegations and people" }).click();
  const email = `new-delegate-${Date.now()}@example.org`;
  const invite = secretariat.getByRole("form", { name: "Invite a person" });
  await invite.getByLabel("Name").fill("Ana Lima");
  await invite.getByLabel("Email").fill(email);
  await invite.getByLabel("Organisation").selectOption({ label: "Canada (CAN)" });
  await invite.getByRole("button", { name: "Invite" }).click();
  const link = await invite.getByTestId("invitation-link").inputValue();
  expect(link).toMatch(/\/invitation\/[A-Za-z0-9_-]{40,}$/);
  await expect(secretariat.getByTestId(`person-${email}`)).toContainText("Invited — link not used yet");
  // The people page never carries a password hash, not even for accounts that have one.
  expect(await secretariat.content()).not.toContain("scrypt$");

  const invited = await (await browser.newContext()).newPage();
  await invited.goto(new URL(link).pathname);
  await expect(invited.getByRole("heading", { name: "Welcome, Ana Lima" })).toBeVisible();
  await invited.getByLabel("New password").fill("short");
  await invited.getByLabel("The same password again").fill("short");
  await invited.getByRole("button", { name: "Set password and sign in" }).click();
  await expect(invited.locator(`p[role="alert"]`)).toContainText("at least 12 characters");
  const password = "a long enough passphrase";
  await invited.getByLabel("New password").fill(password);
  await invited.getByLabel("The same password again").fill(password);
  await invited.getByRole("button", { name: "Set password and sign in" }).click();
  await expect(invited.getByTestId("signed-in-user")).toContainText("Ana Lima");
  await expect(invited.getByTestId("signed-in-user")).toContainText("Canada");
  await expect(invited.getByRole("link", { name: new RegExp(title) })).toBeVisible();

  // The link worked once.
  const again = await (await browser.newContext()).newPage();
  await again.goto(new URL(link).pathname);
  await expect(again.getByRole("heading", { name: "This link no longer works" })).toBeVisible();
  // And the new password signs in like any other.
  await signIn(again, email, password);
});
