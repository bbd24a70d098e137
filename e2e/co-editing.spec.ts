import { openClause, signIn, typeAtEnd } from "./support/demo";
import { expect, test } from "./support/test";

const CLAUSE = /Solicitation or grooming/i;

// Direct co-editing is the chair's and secretariat's; delegations propose (e2e/proposals.spec.ts).
test("the chair and the secretariat co-edit one clause live, with carets, presence and a truthful saved status", async ({
  browser,
}) => {
  const chair = await (await browser.newContext()).newPage();
  const secretariat = await (await browser.newContext()).newPage();
  await signIn(chair, "chair@clausework.demo");
  await signIn(secretariat, "secretariat@clausework.demo");
  await openClause(chair, CLAUSE);
  await openClause(secretariat, CLAUSE);

  // Each sees the other in the list of who is here.
  await expect(chair.getByTestId("presence-list")).toContainText("Tomasz Wierzbicki");
  await expect(secretariat.getByTestId("presence-list")).toContainText("Inés Valderrama");

  const fromChair = `The chair adds wording ${Date.now()}`;
  await typeAtEnd(chair, fromChair);
  await expect(secretariat.getByTestId("clause-editor")).toContainText(fromChair);
  // The chair's caret is drawn in the secretariat's editor with her name and delegation.
  await expect(secretariat.locator(".collaboration-carets__label")).toContainText("Inés Valderrama · CHAIR");
  await expect(chair.getByTestId("save-status")).toHaveText("Saved");

  const fromSecretariat = `The secretariat adds a sentence ${Date.now()}`;
  await typeAtEnd(secretariat, fromSecretariat);
  await expect(chair.getByTestId("clause-editor")).toContainText(fromSecretariat);
  await expect(secretariat.getByTestId("save-status")).toHaveText("Saved");

  // A reload shows the text as saved.
  await chair.reload();
  await expect(chair.getByTestId("clause-editor")).toContainText(fromChair);
  await expect(chair.getByTestId("clause-editor")).toContainText(fromSecretariat);
});

test("a reader opens a clause but cannot change it", async ({ page }) => {
  await signIn(page, "press@clausework.demo");
  await openClause(page, CLAUSE);
  await expect(page.getByTestId("save-status")).toHaveText("Read only");
  await expect(page.getByTestId("clause-editor")).toHaveAttribute("contenteditable", "false");
  await expect(page.getByRole("toolbar", { name: "Formatting" })).toHaveCount(0);
});
