// Co-sponsors and the compilation: a delegation proposes words and invites another to co-sponsor
// them; the invited delegate finds it in the bell, opens it and accepts; the chair, watching the
// clause, sees both delegations on the card at once, then prints the compilation — the proposal
// with its sponsors and the positions table — and files the article under a topic.

import { signIn } from "./support/demo";
import { withDatabase } from "./support/sessions";
import { type Browser, expect, type Page, test } from "./support/test";

async function personAt(browser: Browser, email: string, path: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  await signIn(page, email);
  await page.goto(path);
  return page;
}

const inRoom = (page: Page) =>
  expect(page.getByTestId("save-status")).toHaveAttribute("data-state", /saved|read-only/, { timeout: 30_000 });

test("a proposal is co-sponsored by invitation, seen live by the chair, and compiled with its sponsors and positions", async ({
  browser,
}) => {
  // Four people, two pages of compilation and a print preview: a long journey on two cores.
  test.slow();
  const stamp = Date.now() % 100_000;
  const chair = await personAt(browser, "chair@clausework.demo", "/");
  const { instrumentId, chapterId } = await withDatabase(async (db) => {
    const instrument = (await db.query(`SELECT id FROM "Instrument" ORDER BY "createdAt" LIMIT 1`)).rows[0].id;
    const chapter = (await db.query(`SELECT id FROM "Chapter" WHERE "instrumentId" = $1 LIMIT 1`, [instrument])).rows[0]
      .id;
    return { instrumentId: instrument, chapterId: chapter };
  });
  const number = `CS-${stamp}`;
  const created = await chair.request.post("/api/admin/clause.create", {
    data: { instrumentId, chapterId, number, title: "Outreach to survivors", topics: "gender" },
  });
  expect(created.status()).toBe(200);
  const { clauseId } = (await created.json()) as { clauseId: string };

  // The chair writes the agreed words.
  await chair.goto(`/clauses/${clauseId}`);
  await inRoom(chair);
  await chair.getByTestId("clause-editor").click();
  await chair.keyboard.type("States Parties shall reach out to survivors");
  await expect(chair.getByTestId("save-status")).toHaveText("Saved");

  // Australia proposes more words, and invites Canada to co-sponsor them.
  const australia = await personAt(browser, "australia@clausework.demo", `/clauses/${clauseId}`);
  const canada = await personAt(browser, "canada@clausework.demo", "/");
  await inRoom(australia);
  await australia.getByTestId("clause-editor").click();
  await australia.keyboard.press("ControlOrMeta+End");
  const words = ` of online abuse ${stamp}`;
  await australia.keyboard.type(words);
  await expect(australia.getByTestId("save-status")).toHaveText("Saved");
  const card = (page: Page) => page.getByTestId("proposal").filter({ hasText: words.trim() });
  await expect(card(australia).getByTestId("proposal-sponsors")).toHaveText("Sponsors: Australia");
  await card(australia).getByRole("button", { name: "Co-sponsors…" }).click();
  const invite = card(australia).getByTestId("invite-sponsors");
  await invite.getByLabel("Invite a delegation to co-sponsor").selectOption({ label: "Canada" });
  await invite.getByRole("button", { name: "Invite" }).click();
  await expect(card(australia).getByTestId("sponsor").filter({ hasText: "Canada" })).toHaveAttribute(
    "data-status",
    "INVITED",
  );
  // The chair sees the invitation, not yet a sponsor.
  await expect(card(chair).getByTestId("proposal-sponsors")).toContainText("Canada (invited)");

  // Canada's bell rings where it is (the home page), and leads to the proposal.
  await expect(canada.getByTestId("notification-count")).toHaveText(/[1-9]/);
  await canada.getByTestId("notification-bell").click();
  const news = canada
    .getByTestId("notification-list")
    .locator("li")
    .filter({ hasText: `invited your delegation to co-sponsor a proposal in Article ${number}` });
  await expect(news).toHaveCount(1);
  await news.getByRole("link").click();
  await inRoom(canada);
  const answer = card(canada).getByTestId("sponsorship-answer");
  await expect(answer).toContainText("Your delegation is invited to co-sponsor this proposal.");
  await answer.getByRole("button", { name: "Co-sponsor" }).click();
  await expect(answer).toContainText("Your delegation co-sponsors this proposal.");

  // The chair, who never reloaded, sees both sponsors on the card — apart from the supporters.
  await expect(card(chair).getByTestId("sponsor").filter({ hasText: "Canada" })).toHaveAttribute(
    "data-status",
    "ACCEPTED",
  );
  await expect(card(chair).getByTestId("proposal-sponsors")).toHaveText("Sponsors: Australia, Canada");
  await expect(card(chair).getByTestId("positions-tally")).not.toContainText("CAN");

  // New Zealand supports it: a position, not a sponsorship.
  const newZealand = await personAt(browser, "new-zealand@clausework.demo", `/clauses/${clauseId}`);
  await inRoom(newZealand);
  await card(newZealand)
    .getByRole("button", { name: /^Supports/ })
    .click();
  await expect(card(chair).getByTestId("positions-tally")).toContainText("NZL");

  // The compilation, from the clause room: the proposal with its sponsors, and the table.
  await chair.getByRole("link", { name: "Compilation", exact: true }).click();
  await expect(chair.getByRole("heading", { name: `Compilation of article ${number}` })).toBeVisible();
  await expect(chair.getByTestId("compilation-text")).toHaveText("States Parties shall reach out to survivors");
  const compiled = chair.getByTestId("compiled-proposal").filter({ hasText: words.trim() });
  await expect(compiled.getByTestId("compiled-sponsors")).toHaveText("Australia and Canada");
  await expect(compiled.getByTestId("compiled-supporters")).toHaveText("New Zealand");
  await expect(compiled.getByTestId("compiled-objectors")).toHaveText("—");
  const table = chair.getByTestId("positions-table");
  const cell = (code: string) => table.locator(`tr[data-delegation="${code}"] td`).first();
  await expect(cell("AUS")).toHaveAttribute("data-cell", "AUTHOR");
  await expect(cell("CAN")).toHaveAttribute("data-cell", "SPONSOR");
  await expect(cell("NZL")).toHaveAttribute("data-cell", "SUPPORTS");
  await expect(cell("FRA")).toHaveAttribute("data-cell", "");
  // Printing leaves the app's header and the controls out.
  await chair.emulateMedia({ media: "print" });
  await expect(chair.getByTestId("signed-in-user")).toBeHidden();
  await expect(chair.getByRole("button", { name: "Print" })).toBeHidden();
  await expect(compiled).toBeVisible();
  await chair.emulateMedia({ media: "screen" });

  // The chair files the article under "Gender perspectives": it joins that topic's compilation.
  const topics = chair.getByRole("form", { name: "Compilation topics" });
  await topics.getByLabel("Gender perspectives").check();
  await topics.getByRole("button", { name: "Save topics" }).click();
  await expect(topics.getByRole("status")).toHaveText("Topics saved.");
  await chair.goto(`/instruments/${instrumentId}/compilation`);
  await chair.getByRole("link", { name: "Gender perspectives" }).click();
  await expect(chair.getByRole("heading", { name: "Compilation: Gender perspectives" })).toBeVisible();
  const filed = chair.locator(`[data-testid="clause-compilation"][data-clause-id="${clauseId}"]`);
  await expect(filed.getByTestId("compiled-sponsors")).toHaveText("Australia and Canada");
  // So is the demo's: Jamaica, on behalf of CARICOM.
  await expect(chair.getByTestId("compiled-sponsors").filter({ hasText: "Jamaica, on behalf of CARICOM" })).toHaveCount(
    1,
  );

  // Canada finds the compilations from the clause list.
  await canada.goto("/");
  await canada.getByRole("link", { name: "Compilations" }).first().click();
  await canada.getByRole("link", { name: `Article ${number}. Outreach to survivors` }).click();
  await expect(
    canada.getByTestId("compiled-proposal").filter({ hasText: words.trim() }).getByTestId("compiled-sponsors"),
  ).toHaveText("Australia and Canada");
});
