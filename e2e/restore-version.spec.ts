// Restoring a version: the chair saves a version of a clause of this journey's own, edits the
// text, then restores the version from its page — as the chair's proposals against the current
// text, which Australia, in a second browser, sees arrive live; the chair accepts them all, and
// the clause reads exactly as the version again.
import { selectWords } from "./support/comments";
import { signIn } from "./support/demo";
import { showMarginFilters } from "./support/margin";
import { withDatabase } from "./support/sessions";
import { expect, type Page, test } from "./support/test";

const CHAIR_DELEGATION = "Chair and Secretariat of the Ad Hoc Committee";

async function clauseRoom(page: Page, clauseId: string): Promise<void> {
  await page.goto(`/clauses/${clauseId}`);
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-state", /saved|read-only/, { timeout: 30_000 });
}

test("the chair restores a saved version as proposals, a delegation sees them live, and accepted they bring the text back", async ({
  browser,
}) => {
  const stamp = Date.now();
  const chair = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  await signIn(chair, "chair@clausework.demo");
  const { instrumentId, chapterId } = await withDatabase(async (db) => {
    const instrument = (await db.query(`SELECT id FROM "Instrument" ORDER BY "createdAt" LIMIT 1`)).rows[0].id;
    const chapter = (await db.query(`SELECT id FROM "Chapter" WHERE "instrumentId" = $1 LIMIT 1`, [instrument])).rows[0]
      .id;
    return { instrumentId: instrument, chapterId: chapter };
  });
  const created = await chair.request.post("/api/admin/clause.create", {
    data: { instrumentId, chapterId, number: `R-${stamp % 100_000}`, title: "Restore journey", topics: "csam" },
  });
  expect(created.status()).toBe(200);
  const { clauseId } = (await created.json()) as { clauseId: string };

  // The agreed text, and a version of it.
  await clauseRoom(chair, clauseId);
  const editor = chair.getByTestId("clause-editor");
  await editor.click();
  await chair.keyboard.type("States shall cooperate in good faith.");
  await chair.keyboard.press("Enter");
  await chair.keyboard.type("Victims shall be protected.");
  await expect(chair.getByTestId("save-status")).toHaveText("Saved");
  await chair.getByRole("link", { name: "History" }).click();
  const form = chair.getByRole("form", { name: "Save version" });
  await form.getByLabel("Name").fill("as first agreed");
  await form.getByRole("button", { name: "Save version" }).click();
  const version = chair.getByRole("list", { name: "Timeline" }).getByRole("link", { name: "as first agreed" });
  await expect(version).toBeVisible();
  const versionPath = (await version.getAttribute("href")) as string;

  // The chair edits the text directly: words removed, and a paragraph more.
  await clauseRoom(chair, clauseId);
  await selectWords(chair, " in good faith");
  await chair.keyboard.press("Backspace");
  await expect(editor).toContainText("States shall cooperate.");
  await chair.keyboard.press("ControlOrMeta+End");
  await chair.keyboard.press("Enter");
  await chair.keyboard.type("Cooperation may be refused.");
  await expect(chair.getByTestId("save-status")).toHaveText("Saved");
  await expect(editor).toContainText("Cooperation may be refused.");

  // Australia follows the clause in its own browser.
  const australia = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  await signIn(australia, "australia@clausework.demo");
  await clauseRoom(australia, clauseId);
  await expect(australia.getByTestId("clause-editor")).toContainText("Cooperation may be refused.");

  // The chair restores the version from the timeline, asked first what will happen.
  await chair.goto(`/clauses/${clauseId}/history`);
  await chair
    .getByRole("list", { name: "Timeline" })
    .getByRole("listitem")
    .filter({ hasText: "as first agreed" })
    .getByRole("link", { name: "Restore…" })
    .click();
  const restore = chair.getByRole("region", { name: "Restore this version" });
  await restore.getByRole("button", { name: "Restore this version…" }).click();
  const dialog = chair.getByTestId("confirm-dialog");
  await expect(dialog.getByTestId("restore-summary")).toHaveText(
    `This creates 2 proposals by ${CHAIR_DELEGATION} against the current text. Nothing changes until they are accepted; they are reviewed and decided in the proposals panel like any other.`,
  );
  await dialog.getByRole("button", { name: "Propose 2 proposals" }).click();
  await expect(restore.getByRole("status")).toContainText(
    `2 proposals by ${CHAIR_DELEGATION} against the current text, to bring it back to “as first agreed”.`,
  );

  // Australia sees the chair's proposals arrive live, in the text and in the panel.
  const text = australia.getByTestId("clause-editor");
  await expect(text.locator("del.proposal", { hasText: "Cooperation may be refused." })).toBeVisible({
    timeout: 15_000,
  });
  await expect(text.locator("ins.proposal", { hasText: "in good faith" })).toBeVisible();
  for (const words of ["Cooperation may be refused.", "in good faith"])
    await expect(australia.getByTestId("proposal").filter({ hasText: words })).toContainText(
      `proposed by ${CHAIR_DELEGATION}`,
    );

  // The chair opens them in the clause and accepts them all; the text reads as the version again.
  await restore.getByRole("link", { name: "Review them in the clause" }).click();
  await expect(chair.getByTestId("save-status")).toHaveAttribute("data-state", "saved", { timeout: 30_000 });
  await expect(chair.getByTestId("proposal").filter({ hasText: "Cooperation may be refused." })).toBeVisible({
    timeout: 15_000,
  });
  await showMarginFilters(chair);
  const bulk = chair.getByTestId("bulk-decision").filter({ hasText: "All open proposals in this clause" });
  await expect(bulk).toContainText("2 proposals from 1 delegation");
  await bulk.getByRole("button", { name: "Accept all…" }).click();
  await chair.getByTestId("confirm-dialog").getByRole("button", { name: "Accept 2 proposals" }).click();
  for (const page of [chair, australia]) {
    await expect(page.getByTestId("clause-editor")).not.toContainText("Cooperation may be refused.");
    await expect(page.getByTestId("clause-editor")).toContainText("States shall cooperate in good faith.");
  }

  const versionId = versionPath.split("/").pop() as string;
  await expect(async () => {
    const compared = await chair.request.get(`/api/clauses/${clauseId}/compare?from=${versionId}&to=current`);
    expect(((await compared.json()) as { changes: unknown[] }).changes).toEqual([]);
  }).toPass();
  const now = await chair.request.get(`/api/clauses/${clauseId}/versions/${versionId}`);
  expect(((await now.json()) as { paragraphs: { text: string }[] }).paragraphs.map((p) => p.text)).toEqual([
    "States shall cooperate in good faith.",
    "Victims shall be protected.",
  ]);

  // Restoring again proposes nothing: the text already reads as the version.
  await chair.goto(versionPath);
  await expect(chair.getByRole("region", { name: "Restore this version" })).toContainText(
    "The current text already reads as this version.",
  );
  // A delegation may not restore: no button, and the route refuses.
  await australia.goto(`/clauses/${clauseId}/history`);
  await expect(australia.getByRole("list", { name: "Timeline" })).toContainText("as first agreed");
  await expect(australia.getByRole("link", { name: "Restore…" })).toHaveCount(0);
  await australia.goto(versionPath);
  await expect(australia.getByRole("region", { name: "Restore this version" })).toHaveCount(0);
  const refused = await australia.request.post(`/api/clauses/${clauseId}/versions/${versionId}/restore`, {
    data: {},
    headers: { origin: new URL(australia.url()).origin },
  });
  expect(refused.status()).toBe(403);
});
