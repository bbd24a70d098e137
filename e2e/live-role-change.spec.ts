// A role change reaches an open clause room at once: Australia, made a reader while typing,
// is switched to reading without reloading; deactivating a person closes their clause.

import { openAdministration } from "./support/admin";
import { openClause, signIn, typeAtEnd } from "./support/demo";
import { negotiateOpen } from "./support/negotiate-open";
import { expect, test } from "./support/test";

// A clause no other journey writes in: its proposals would show up in theirs.
const CLAUSE = /Assistance to and protection of victims/i;

// Agreed as a whole in the demo: reopened first, so delegations may propose in it.
test.beforeAll(() => negotiateOpen("Assistance to and protection of victims"));

test("a delegation made reader is switched to read-only in its open clause, and a deactivated person is shut out", async ({
  browser,
}) => {
  const australia = await (await browser.newContext()).newPage();
  await signIn(australia, "australia-legal@clausework.demo");
  await openClause(australia, CLAUSE);
  await typeAtEnd(australia, "Australia is still a delegate here.");
  await expect(australia.getByTestId("save-status")).toHaveText("Saved");

  const chair = await (await browser.newContext()).newPage();
  await signIn(chair, "chair@clausework.demo");
  await openAdministration(chair);
  await chair.getByRole("link", { name: "Delegations and people" }).click();
  const aus = chair.getByTestId("participant-AUS");
  await aus.getByRole("combobox", { name: "Role of AUS" }).selectOption("READER");
  await aus.getByRole("button", { name: "Set role" }).click();
  await expect(aus.getByRole("status")).toHaveText("Saved.");

  await expect(australia.getByTestId("save-status")).toHaveText("Read only");
  await expect(australia.getByTestId("clause-editor")).toHaveAttribute("contenteditable", "false");

  // Back to delegate: editing comes back in place too.
  await aus.getByRole("combobox", { name: "Role of AUS" }).selectOption("DELEGATE");
  await aus.getByRole("button", { name: "Set role" }).click();
  await expect(australia.getByTestId("clause-editor")).toHaveAttribute("contenteditable", "true");

  const person = chair.getByTestId("person-australia-legal@clausework.demo");
  await person.getByRole("button", { name: "Deactivate" }).click();
  await expect(australia.getByText(/Your account was deactivated/)).toBeVisible();
  await expect(australia.getByTestId("clause-editor")).toHaveAttribute("contenteditable", "false");
  await australia.reload();
  await expect(australia).toHaveURL(/\/signin/);

  await chair.getByTestId("person-australia-legal@clausework.demo").getByRole("button", { name: "Reactivate" }).click();
  await expect(chair.getByTestId("person-australia-legal@clausework.demo")).toContainText("Active");
});
