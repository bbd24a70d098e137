import { expect, test } from "@playwright/test";
import { openClause, signIn, typeAtEnd } from "./support/demo";

const CLAUSE = /Solicitation or grooming/i;

test("two delegations co-edit one clause live, with carets, presence and a truthful saved status", async ({
  browser,
}) => {
  const australia = await (await browser.newContext()).newPage();
  const canada = await (await browser.newContext()).newPage();
  await signIn(australia, "australia@clausework.demo");
  await signIn(canada, "canada@clausework.demo");
  await openClause(australia, CLAUSE);
  await openClause(canada, CLAUSE);

  // Each sees the other in the list of who is here.
  await expect(australia.getByTestId("presence-list")).toContainText("CAN");
  await expect(canada.getByTestId("presence-list")).toContainText("AUS");

  const fromAustralia = `Australia proposes wording ${Date.now()}`;
  await typeAtEnd(australia, fromAustralia);
  await expect(canada.getByTestId("clause-editor")).toContainText(fromAustralia);
  // Australia's caret is drawn in Canada's editor with her name and delegation.
  await expect(canada.locator(".collaboration-carets__label")).toContainText("AUS");
  await expect(australia.getByTestId("save-status")).toHaveText("Saved");

  const fromCanada = `Canada adds a sentence ${Date.now()}`;
  await typeAtEnd(canada, fromCanada);
  await expect(australia.getByTestId("clause-editor")).toContainText(fromCanada);
  await expect(canada.getByTestId("save-status")).toHaveText("Saved");

  // A reload shows the text as saved.
  await australia.reload();
  await expect(australia.getByTestId("clause-editor")).toContainText(fromAustralia);
  await expect(australia.getByTestId("clause-editor")).toContainText(fromCanada);
});

test("a reader opens a clause but cannot change it", async ({ page }) => {
  await signIn(page, "press@clausework.demo");
  await openClause(page, CLAUSE);
  await expect(page.getByTestId("save-status")).toHaveText("Read only");
  await expect(page.getByTestId("clause-editor")).toHaveAttribute("contenteditable", "false");
  await expect(page.getByRole("toolbar", { name: "Formatting" })).toHaveCount(0);
});
