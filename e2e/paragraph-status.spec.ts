// Paragraph status, in two browsers at once: the chair marks a numbered paragraph agreed; the
// delegation's open clause shows its tag at once and its typing there is refused with the
// message, before the server has to; the delegation asks to reopen it with a reason; the chair
// sees the request arrive live and reopens; the delegation may propose there again. The clause
// list's progress ("1 of 3 paragraphs agreed") follows each step without a reload.
import { selectWords } from "./support/comments";
import { signIn } from "./support/demo";
import { withDatabase } from "./support/sessions";
import { expect, type Page, test } from "./support/test";

const LOCKED = "Paragraph 2 is agreed; ask the chair to reopen it.";

async function clauseOfItsOwn(chair: Page, stamp: number): Promise<{ clauseId: string; title: string }> {
  const { instrumentId, chapterId } = await withDatabase(async (db) => {
    const instrument = (await db.query(`SELECT id FROM "Instrument" ORDER BY "createdAt" LIMIT 1`)).rows[0].id;
    const chapter = (await db.query(`SELECT id FROM "Chapter" WHERE "instrumentId" = $1 LIMIT 1`, [instrument])).rows[0]
      .id;
    return { instrumentId: instrument, chapterId: chapter };
  });
  const title = `Paragraph status journey ${stamp}`;
  const created = await chair.request.post("/api/admin/clause.create", {
    data: { instrumentId, chapterId, number: `PS-${stamp % 100_000}`, title, topics: "victims" },
  });
  expect(created.status()).toBe(200);
  return { clauseId: ((await created.json()) as { clauseId: string }).clauseId, title };
}

async function inClause(page: Page, clauseId: string): Promise<void> {
  await page.goto(`/clauses/${clauseId}`);
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-state", "saved", { timeout: 30_000 });
}

const secondParagraph = (page: Page) => page.getByTestId("clause-editor").locator("p", { hasText: "Victims shall" });

test("the chair agrees a paragraph, the delegation is held to it and asks to reopen it, the chair reopens it", async ({
  browser,
}) => {
  const stamp = Date.now();
  const chair = await (await browser.newContext()).newPage();
  await signIn(chair, "chair@clausework.demo");
  const { clauseId, title } = await clauseOfItsOwn(chair, stamp);

  // The chair writes three numbered paragraphs.
  await inClause(chair, clauseId);
  await chair.getByTestId("clause-editor").click();
  await chair.keyboard.type("1. Each State Party shall adopt measures.");
  await chair.keyboard.press("Enter");
  await chair.keyboard.type("Victims shall be protected.");
  await chair.keyboard.press("Enter");
  await chair.keyboard.type("Witnesses shall be heard.");
  await expect(chair.getByTestId("save-status")).toHaveText("Saved");

  // Australia has the clause open, and the clause list in another tab.
  const context = await browser.newContext();
  const australia = await context.newPage();
  await signIn(australia, "australia@clausework.demo");
  const list = await context.newPage();
  await list.goto("/");
  const row = list.locator(`li[data-clause-id="${clauseId}"]`);
  await expect(row).toContainText(title);
  await expect(row.locator("[data-progress]")).toHaveText("0 of 3 paragraphs agreed");
  await inClause(australia, clauseId);
  await expect(australia.getByRole("button", { name: "Suggesting" })).toHaveAttribute("aria-pressed", "true");

  // The chair marks paragraph 2 agreed: Australia sees the tag, and the list counts it.
  await chair.getByLabel("Where paragraph 2 stands").selectOption("AGREED");
  await expect(secondParagraph(australia)).toHaveAttribute("data-status-tag", "agreed");
  await expect(row.locator("[data-progress]")).toHaveText("1 of 3 paragraphs agreed");

  // Australia's typing in it is refused in the browser, with the message; nothing is changed.
  await selectWords(australia, "be protected");
  await australia.keyboard.press("ArrowRight");
  await australia.keyboard.type(" at once");
  await expect(australia.getByRole("status").filter({ hasText: LOCKED })).toBeVisible();
  await expect(secondParagraph(australia)).toHaveText("Victims shall be protected.");
  await expect(australia.getByTestId("save-status")).toHaveText("Saved");

  // Australia asks to reopen it; the chair sees the request arrive.
  const panel = australia.getByRole("region", { name: "Paragraphs and where they stand" });
  await panel.locator('[data-paragraph="2"]').getByRole("button", { name: "Ask to reopen" }).click();
  await panel.getByLabel("Why should paragraph 2 be reopened?").fill(`Our capital asks for “at once” ${stamp}.`);
  await panel.getByRole("button", { name: "Send request" }).click();
  const request = chair.getByTestId("reopen-request").filter({ hasText: `${stamp}` });
  await expect(request).toContainText("AUS asks to reopen paragraph 2");

  // The chair reopens it: the tag goes for Australia, the list counts it open, the request is answered.
  await request.getByRole("button", { name: "Reopen paragraph 2" }).click();
  await expect(secondParagraph(australia)).not.toHaveAttribute("data-status-tag");
  await expect(row.locator("[data-progress]")).toHaveText("0 of 3 paragraphs agreed");
  await expect(panel.getByTestId("reopen-request").filter({ hasText: `${stamp}` })).toContainText(
    "Reopened by the chair.",
  );
  await expect(request).toBeHidden();

  // Open again: Australia's words go in, as a proposal, and are saved.
  await selectWords(australia, "be protected");
  await australia.keyboard.press("ArrowRight");
  await australia.keyboard.type(" at once");
  await expect(australia.getByTestId("clause-editor").locator("ins.proposal", { hasText: "at once" })).toBeVisible();
  await expect(australia.getByTestId("save-status")).toHaveText("Saved");
});
