// The chair's decisions reach people, and many at once are taken safely: the chair (at
// 1440×900), the delegation that proposed (Australia) and a delegation that took a position on
// one of its proposals (Canada, on a 390×844 phone) in the same clause at once. Rejecting all
// asks first (what, how many, whose; Escape cancels; focus stays in the dialog), says what was
// decided with Undo, and tells the author and the position-taker the outcome and the reason;
// Undo brings every proposal back for everyone, positions counting; a single decision offers
// Undo too, and its notification opens the decided proposal with its history.
import { caretAfter } from "./support/comments";
import { signIn } from "./support/demo";
import { showMarginFilters } from "./support/margin";
import { withDatabase } from "./support/sessions";
import { type Browser, expect, type Page, test } from "./support/test";

async function personAt(
  browser: Browser,
  email: string,
  clauseId: string,
  viewport = { width: 1440, height: 900 },
): Promise<Page> {
  const page = await (await browser.newContext({ viewport })).newPage();
  await signIn(page, email);
  await page.goto(`/clauses/${clauseId}`);
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-state", /saved|read-only/, { timeout: 30_000 });
  return page;
}

/** Shows the cards as a list (on a phone they are not beside the text). */
async function listed(page: Page): Promise<void> {
  const listView = page.getByRole("button", { name: "List", exact: true });
  await listView.click();
  await expect(listView).toHaveAttribute("aria-pressed", "true");
}

/** Marks the page, so a reload (which would clear the mark) is noticed. */
async function markPage(page: Page): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as { samePage: boolean }).samePage = true;
  });
}
const stillSamePage = (page: Page) =>
  page.evaluate(() => (window as unknown as { samePage?: boolean }).samePage === true);

const card = (page: Page, words: string) => page.getByTestId("proposal").filter({ hasText: words });
const inserted = (page: Page, words: string) =>
  page.getByTestId("clause-editor").locator("ins.proposal", { hasText: words });

test("rejecting all asks first, reaches the author and the delegations that took a position, and can be undone", async ({
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
    data: { instrumentId, chapterId, number: `D-${stamp % 100_000}`, title: "Decisions journey", topics: "csam" },
  });
  expect(created.status()).toBe(200);
  const { clauseId } = (await created.json()) as { clauseId: string };
  // Earlier journeys may have left Australia and Canada unread news: the bells below count this one's.
  await withDatabase((db) =>
    db.query(
      `UPDATE "Notification" SET "readAt" = now() WHERE "readAt" IS NULL AND "userId" IN
         (SELECT id FROM "User" WHERE email IN ('australia@clausework.demo', 'canada@clausework.demo'))`,
    ),
  );

  // The chair writes the agreed text.
  await chair.goto(`/clauses/${clauseId}`);
  await expect(chair.getByTestId("save-status")).toHaveAttribute("data-state", "saved", { timeout: 30_000 });
  await chair.getByTestId("clause-editor").click();
  await chair.keyboard.type("Each State Party shall adopt measures.");
  await chair.keyboard.press("Enter");
  await chair.keyboard.type("Victims shall be protected.");
  await expect(chair.getByTestId("save-status")).toHaveText("Saved");

  // Australia proposes twice; Canada, on a phone, supports the first.
  const australia = await personAt(browser, "australia@clausework.demo", clauseId);
  const canada = await personAt(browser, "canada@clausework.demo", clauseId, { width: 390, height: 844 });
  // On a phone the cards are not beside the text: Canada reads them as a list below it.
  await listed(canada);
  const first = ` without delay ${stamp}`;
  const second = ` at all times ${stamp}`;
  await caretAfter(australia, "adopt measures");
  await australia.keyboard.type(first);
  await caretAfter(australia, "be protected");
  await australia.keyboard.type(second);
  await expect(australia.getByTestId("save-status")).toHaveText("Saved");
  await expect(card(canada, first.trim())).toBeVisible();
  // Taking a position reads nothing but the proposals again: no page is reloaded, for anyone.
  await Promise.all([chair, australia, canada].map(markPage));
  await card(canada, first.trim())
    .getByRole("button", { name: /^Supports/ })
    .click();
  await expect(card(canada, first.trim()).getByTestId("positions-tally")).toContainText("CAN");
  await expect(card(australia, first.trim()).getByTestId("positions-tally")).toContainText("CAN");
  // A reload would come after the position (a page read again through the live stream): give it time.
  await canada.waitForTimeout(4_000);
  for (const page of [chair, australia, canada]) expect(await stillSamePage(page)).toBe(true);
  await expect(canada.getByRole("button", { name: "List", exact: true })).toHaveAttribute("aria-pressed", "true");
  await expect(card(chair, second.trim())).toBeVisible();

  // The bulk controls are set apart, and ask before deciding: Escape leaves everything as it was.
  await showMarginFilters(chair);
  const bulk = chair.getByTestId("bulk-decision");
  await expect(bulk).toContainText("Decide several at once");
  await expect(bulk).toContainText("2 proposals from 1 delegation");
  await bulk.getByRole("button", { name: "Reject all…" }).click();
  const dialog = chair.getByRole("dialog", { name: "Reject 2 proposals?" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId("bulk-summary")).toContainText("2 proposals from 1 delegation");
  await expect(dialog).toContainText("Australia: 2 proposals");
  await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
  // Tab and Shift+Tab stay inside the dialog.
  for (const key of ["Tab", "Tab", "Tab", "Shift+Tab", "Shift+Tab", "Shift+Tab", "Shift+Tab"]) {
    await chair.keyboard.press(key);
    expect(await chair.evaluate(() => document.activeElement?.closest("dialog") !== null)).toBe(true);
  }
  await chair.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(chair.getByRole("heading", { name: "Proposals (2 open)" })).toBeVisible();
  await expect(inserted(australia, first.trim())).toBeVisible();

  // Confirmed, with a reason.
  await bulk.getByRole("button", { name: "Reject all…" }).click();
  await dialog.getByLabel(/Reason/).fill(`Not agreed in the informals ${stamp}`);
  await dialog.getByRole("button", { name: "Reject 2 proposals" }).click();
  const notice = chair.getByTestId("decision-notice");
  await expect(notice).toContainText("2 proposals rejected");
  await expect(inserted(australia, first.trim())).toHaveCount(0);
  await expect(inserted(canada, second.trim())).toHaveCount(0);

  // The author is told of both, Canada of the one it took a position on: outcome and reason.
  for (const [page, count] of [
    [australia, 2],
    [canada, 1],
  ] as const) {
    await page.reload();
    await expect(page.getByTestId("notification-count")).toHaveText(String(count));
    await page.getByTestId("notification-bell").click();
    const list = page.getByTestId("notification-list");
    // Earlier journeys' news may be listed too, read: only this decision's are counted.
    const ours = list.locator("li").filter({ hasText: `Rejected by the chair: Not agreed in the informals ${stamp}` });
    await expect(ours).toHaveCount(count);
    await expect(ours.filter({ hasText: "rejected a proposal you follow in" })).toHaveCount(count);
    await page.getByTestId("notification-bell").click();
  }

  // Undo: both proposals are back for everyone, and Canada's position counts again.
  await notice.getByRole("button", { name: "Undo: 2 proposals rejected" }).click();
  await expect(notice).toContainText("Undone: 2 proposals are open again.");
  await expect(inserted(australia, first.trim())).toBeVisible();
  await expect(inserted(canada, second.trim())).toBeVisible();
  await expect(chair.getByRole("heading", { name: "Proposals (2 open)" })).toBeVisible();
  // Canada's page was reloaded above to read its bell: the list view is chosen again.
  await listed(canada);
  await expect(card(canada, first.trim()).getByTestId("positions-tally")).toContainText("CAN");
  // Unread news of a decision that no longer stands is taken back.
  await australia.reload();
  await expect(australia.getByTestId("notification-count")).toHaveCount(0);

  // One proposal accepted: the chair is offered Undo for it too.
  await card(chair, second.trim()).getByRole("button", { name: "Accept this proposal" }).click();
  await expect(notice).toContainText("1 proposal accepted");
  await expect(notice.getByRole("button", { name: "Undo: 1 proposal accepted" })).toBeVisible();

  // Australia's notification opens the decided proposal — not among the open ones — with its history.
  await australia.reload();
  await expect(australia.getByTestId("notification-count")).toHaveText("1");
  await australia.getByTestId("notification-bell").click();
  await australia
    .getByTestId("notification-list")
    .locator("li")
    .filter({ hasText: `D-${stamp % 100_000}` })
    .getByText("accepted a proposal you follow in")
    .click();
  await expect(australia).toHaveURL(/\?proposal=/);
  const decided = australia
    .locator('[data-testid="proposal"][data-status="ACCEPTED"]')
    .filter({ hasText: second.trim() });
  await expect(decided).toBeVisible();
  await expect(decided.getByTestId("proposal-decision").first()).toContainText("Rejected by");
  await expect(decided.getByTestId("decision-undone")).toBeVisible();
  await expect(decided.getByTestId("proposal-decision").last()).toContainText("Accepted by");
});
