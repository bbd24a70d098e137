// The heart of a negotiation: a delegation proposes wording, others see it live and take
// positions, and the chair accepts or rejects it — for everyone at once, kept in history.

import { selectWords as selectWordsInClause } from "./support/comments";
import { openClause, signIn } from "./support/demo";
import { showMarginFilters } from "./support/margin";
import { withDatabase } from "./support/sessions";
import { expect, type Page, test } from "./support/test";

const CSAM = /Offences related to/;

/** Selects `words` as a person would by dragging, and lets ProseMirror read the selection. */
async function selectWords(page: Page, words: string): Promise<void> {
  await selectWordsInClause(page, words);
  await page.waitForTimeout(100);
}

async function signedInAt(browser: import("@playwright/test").Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email);
  await openClause(page, CSAM);
  return page;
}

function proposalCard(page: Page, words: string) {
  return page.getByTestId("proposal").filter({ hasText: words });
}

test("a delegation's proposed replacement is seen live, supported, and accepted by the chair for everyone", async ({
  browser,
}) => {
  const australia = await signedInAt(browser, "australia@clausework.demo");
  const chair = await signedInAt(browser, "chair@clausework.demo");
  const newZealand = await signedInAt(browser, "new-zealand@clausework.demo");

  // Delegates can only suggest; the chair may edit directly.
  await expect(australia.getByRole("button", { name: "Suggesting" })).toHaveAttribute("aria-pressed", "true");
  await expect(australia.getByRole("button", { name: "Editing" })).toHaveCount(0);
  await expect(chair.getByRole("button", { name: "Editing" })).toHaveAttribute("aria-pressed", "true");

  await selectWords(australia, "child pornography");
  await australia.keyboard.type("child sexual abuse material");
  await expect(australia.getByTestId("save-status")).toHaveText("Saved");
  // Her caret (and its name label, part of others' text content) moves out of the passage.
  await australia.keyboard.press("ControlOrMeta+Home");

  // The chair sees it live: struck old words, new words, attributed to Australia.
  const proposedInChair = chair
    .getByTestId("clause-editor")
    .locator("ins.proposal", { hasText: "child sexual abuse material" });
  await expect(proposedInChair).toBeVisible();
  await expect(
    chair.getByTestId("clause-editor").locator("del.proposal", { hasText: "child pornography" }).first(),
  ).toBeVisible();
  // Hovered again if the card went while the text moved under the pointer (the margin lays out
  // again as cards arrive).
  await expect(async () => {
    await chair.mouse.move(0, 0);
    await proposedInChair.hover();
    await expect(chair.getByTestId("proposal-hover-card")).toContainText("Australia", { timeout: 2_000 });
  }).toPass();
  await expect(chair.getByTestId("proposal-hover-card")).toContainText("Chloe Whitfield");
  const inPanel = proposalCard(chair, "child sexual abuse material");
  await expect(inPanel).toContainText("Australia");
  await expect(inPanel).toContainText("Replacement");
  // New Zealand had the clause open in Suggesting mode: Australia's words reached it as a remote
  // update and were not turned into a proposal of New Zealand's.
  await expect(chair.getByRole("heading", { name: "Proposals (1 open)" })).toBeVisible();
  await expect(
    newZealand.getByTestId("clause-editor").locator("ins.proposal", { hasText: "child sexual abuse material" }),
  ).toBeVisible();

  // Another delegation records its support, on the words its panel shows (a position is pinned
  // to them: given on words still being typed, it would be refused); the chair sees the tally.
  const inNewZealand = proposalCard(newZealand, "child sexual abuse material");
  await expect(inNewZealand.locator("ins.proposal")).toHaveText("child sexual abuse material");
  await inNewZealand.getByRole("button", { name: "Supports" }).click();
  await expect(inPanel.getByTestId("positions-tally")).toContainText("Supports (1)NZL");

  // The chair accepts: everyone sees the clean text.
  await inPanel.getByPlaceholder("Reason (optional)").fill("Terminology agreed in informals");
  await inPanel.getByRole("button", { name: "Accept this proposal" }).click();
  const clean = "available child sexual abuse material child sexual abuse material through";
  for (const page of [chair, australia, newZealand]) {
    await expect(page.getByTestId("clause-editor")).toContainText(clean);
    await expect(
      page.getByTestId("clause-editor").locator("ins.proposal", { hasText: "child sexual abuse material" }),
    ).toHaveCount(0);
  }
  // The decision stays in the proposal's history.
  await showMarginFilters(chair);
  await chair.getByLabel("Status").selectOption("ACCEPTED");
  const decided = proposalCard(chair, "child sexual abuse material");
  await expect(decided.getByTestId("proposal-decision")).toContainText("Accepted by Inés Valderrama");
  await expect(decided.getByTestId("proposal-decision")).toContainText("Terminology agreed in informals");

  // A reload reads the same clean text from the server.
  await australia.reload();
  await expect(australia.getByTestId("clause-editor")).toContainText(clean);
});

test("a rejected proposal disappears for everyone and stays in history", async ({ browser }) => {
  const russia = await signedInAt(browser, "russian-federation@clausework.demo");
  const chair = await signedInAt(browser, "chair@clausework.demo");

  const words = ` or other material ${Date.now()}`;
  await selectWords(russia, "whether real or simulated");
  await russia.keyboard.press("End");
  await russia.keyboard.type(words);
  await expect(russia.getByTestId("save-status")).toHaveText("Saved");
  await expect(chair.getByTestId("clause-editor").locator("ins.proposal", { hasText: words.trim() })).toBeVisible();

  const card = proposalCard(chair, words.trim());
  await expect(card).toContainText("Russian Federation");
  await card.getByRole("button", { name: "Reject this proposal" }).click();
  for (const page of [chair, russia]) {
    await expect(page.getByTestId("clause-editor")).not.toContainText(words.trim());
  }
  await expect(proposalCard(chair, words.trim())).toHaveCount(0);
  await showMarginFilters(chair);
  await chair.getByLabel("Status").selectOption("REJECTED");
  await expect(proposalCard(chair, words.trim()).getByTestId("proposal-decision")).toContainText("Rejected by");

  // A delegation withdraws its own proposal: gone for everyone, listed as withdrawn.
  const second = ` and withdrawn words ${Date.now()}`;
  await selectWords(russia, "whether real or simulated");
  await russia.keyboard.press("End");
  await russia.keyboard.type(second);
  await expect(chair.getByTestId("clause-editor")).toContainText(second.trim());
  await proposalCard(russia, second.trim()).getByRole("button", { name: "Withdraw my proposal" }).click();
  for (const page of [chair, russia]) {
    await expect(page.getByTestId("clause-editor")).not.toContainText(second.trim());
  }
  await chair.getByLabel("Status").selectOption("WITHDRAWN");
  await expect(proposalCard(chair, second.trim())).toContainText("Withdrawn");

  // Changed her mind: Ctrl+Z in the text brings the withdrawn proposal back, for everyone.
  await russia.getByTestId("clause-editor").click();
  await russia.keyboard.press("ControlOrMeta+z");
  for (const page of [chair, russia]) {
    await expect(page.getByTestId("clause-editor").locator("ins.proposal", { hasText: second.trim() })).toBeVisible();
  }
  await chair.getByLabel("Status").selectOption("OPEN");
  await expect(proposalCard(chair, second.trim())).toContainText("Russian Federation");
});

test("a position follows the words: revised from “due process” to “national security”, the support no longer counts until confirmed", async ({
  browser,
}) => {
  const australia = await signedInAt(browser, "australia@clausework.demo");
  const newZealand = await signedInAt(browser, "new-zealand@clausework.demo");

  const tag = `${Date.now()}`;
  await selectWords(australia, "whether real or simulated");
  await australia.keyboard.press("End");
  await australia.keyboard.type(` subject to due process ${tag}`);
  await expect(australia.getByTestId("save-status")).toHaveText("Saved");

  const card = proposalCard(newZealand, tag);
  await card.getByRole("button", { name: "Supports" }).click();
  await expect(card.getByTestId("positions-tally")).toContainText("Supports (1)NZL");

  // Australia rewrites its own proposal.
  await selectWords(australia, "due process");
  await australia.keyboard.type("national security");
  await expect(australia.getByTestId("save-status")).toHaveText("Saved");
  await expect(card).toContainText(`subject to national security ${tag}`);
  // New Zealand's support was given on words it no longer has: shown apart, not counted.
  await expect(card.getByTestId("positions-tally")).toContainText("Supports (0)");
  await expect(card.getByTestId("earlier-positions")).toContainText("NZL (supports)");
  await expect(card.getByTestId("confirm-position")).toBeVisible();
  await expect(card.getByRole("button", { name: "Supports" })).toHaveAttribute("aria-pressed", "false");
  // …and its bell asks it to confirm or change.
  await expect(newZealand.getByTestId("notification-count")).toHaveText(/[1-9]/);
  await newZealand.getByTestId("notification-bell").click();
  await expect(newZealand.getByTestId("notification-list")).toContainText(
    "revised a proposal your delegation took a position on in",
  );
  await expect(newZealand.getByTestId("notification-list")).toContainText("national security");
  await newZealand.getByTestId("notification-bell").click();

  // Confirmed on the new words, the support counts again.
  await card.getByRole("button", { name: "Supports" }).click();
  await expect(card.getByTestId("positions-tally")).toContainText("Supports (1)NZL");
  await expect(card.getByTestId("earlier-positions")).toHaveCount(0);
  await expect(card.getByRole("button", { name: "Supports" })).toHaveAttribute("aria-pressed", "true");

  // Australia withdraws it: the passage reads as before for the journeys that follow.
  await proposalCard(australia, tag).getByRole("button", { name: "Withdraw my proposal" }).click();
  await expect(australia.getByTestId("clause-editor")).not.toContainText(tag);
  await expect(australia.getByTestId("save-status")).toHaveText("Saved");
});

test("the chair's panel shows revised words at once, and takes a decision only once the server has read them", async ({
  browser,
}) => {
  const jamaica = await signedInAt(browser, "jamaica@clausework.demo");
  const chair = await signedInAt(browser, "chair@clausework.demo");

  const tag = `${Date.now()}`;
  await selectWords(jamaica, "whether real or simulated");
  await jamaica.keyboard.press("End");
  await jamaica.keyboard.type(` as appropriate ${tag}`);
  await expect(jamaica.getByTestId("save-status")).toHaveText("Saved");
  const card = proposalCard(chair, tag);
  await expect(card.locator("ins.proposal")).toHaveText(` as appropriate ${tag}`);
  await expect(card.getByRole("button", { name: "Accept this proposal" })).toBeVisible();

  // The chair's panel cannot reach the server's proposals index while Jamaica revises the words:
  // it shows them from the text at once, and offers no decision on words the server has not read
  // (a decision on earlier words would be refused: lib/proposals/proposal-words.test.ts).
  const panelReloads = (url: URL) => url.pathname.endsWith("/proposals");
  await chair.route(panelReloads, (route) => (route.request().method() === "GET" ? route.abort() : route.continue()));
  await selectWords(jamaica, "as appropriate");
  await jamaica.keyboard.type("where necessary");
  await expect(jamaica.getByTestId("save-status")).toHaveText("Saved");
  await expect(card.locator("ins.proposal")).toHaveText(` where necessary ${tag}`);
  const recording = chair.locator("[data-margin-card]").filter({ has: card }).getByTestId("proposal-recording");
  await expect(recording).toBeVisible();
  await expect(card.getByRole("button", { name: "Accept this proposal" })).toHaveCount(0);
  await expect
    .poll(() =>
      withDatabase(
        async (db) =>
          (await db.query(`SELECT "insertedText" FROM "Proposal" WHERE "insertedText" LIKE $1`, [`%${tag}%`])).rows[0]
            ?.insertedText,
      ),
    )
    .toBe(` where necessary ${tag}`);
  await chair.unroute(panelReloads);

  // The panel asks the index again by itself; decided on the words shown, the decision goes
  // through (rejected: the passage reads as before).
  await expect(recording).toHaveCount(0);
  await expect(card.getByTestId("proposal-status")).toHaveText("Open");
  await card.getByRole("button", { name: "Reject this proposal" }).click();
  for (const page of [chair, jamaica]) await expect(page.getByTestId("clause-editor")).not.toContainText(tag);
  await showMarginFilters(chair);
  await chair.getByLabel("Status").selectOption("REJECTED");
  await expect(proposalCard(chair, tag).getByTestId("proposal-decision")).toContainText("Rejected by");
});

test("observers only view; a delegate undoes and redoes a proposal, then switches to Viewing", async ({ browser }) => {
  const observer = await signedInAt(browser, "observer@clausework.demo");
  await expect(observer.getByTestId("clause-editor")).toHaveAttribute("contenteditable", "false");
  await expect(observer.getByRole("button", { name: "Suggesting" })).toHaveCount(0);

  const canada = await signedInAt(browser, "canada@clausework.demo");
  const words = ` undone ${Date.now()}`;
  await selectWords(canada, "whether real or simulated");
  await canada.keyboard.press("End");
  await canada.keyboard.type(words);
  const proposed = canada.getByTestId("clause-editor").locator("ins.proposal", { hasText: words.trim() });
  await expect(proposed).toBeVisible();
  await canada.keyboard.press("ControlOrMeta+z");
  await expect(canada.getByTestId("clause-editor")).not.toContainText(words.trim());
  await canada.keyboard.press("ControlOrMeta+Shift+z");
  await expect(proposed).toBeVisible();
  await expect(canada.getByTestId("save-status")).toHaveText("Saved");

  // Shift+Enter proposes a new paragraph (a line break could not carry the proposal).
  const subParagraph = `A new sub-paragraph ${Date.now()}`;
  await canada.keyboard.press("Shift+Enter");
  await canada.keyboard.type(subParagraph);
  await expect(canada.getByTestId("clause-editor").locator("ins.proposal", { hasText: subParagraph })).toBeVisible();
  await expect(canada.getByTestId("clause-editor").locator("p", { hasText: subParagraph })).toHaveText(
    new RegExp(`^\u200B?${subParagraph}`),
  );
  await expect(canada.getByTestId("save-status")).toHaveText("Saved");
  await expect(canada.getByTestId("dropped-edit")).toHaveCount(0);

  // Viewing shows the agreed text, without the proposal, and cannot be typed in.
  await canada.getByRole("button", { name: "Viewing" }).click();
  await expect(canada.getByTestId("clause-editor")).toHaveAttribute("contenteditable", "false");
  await expect(proposed).toBeHidden();
});

test("a proposal is debated in its own thread: another delegation discusses it, its author is told and replies", async ({
  browser,
}) => {
  const france = await signedInAt(browser, "france@clausework.demo");
  const germany = await signedInAt(browser, "germany@clausework.demo");
  const chair = await signedInAt(browser, "chair@clausework.demo");

  const words = ` including live-streamed abuse ${Date.now()}`;
  await selectWords(france, "whether real or simulated");
  await france.keyboard.press("End");
  await france.keyboard.type(words);
  await expect(france.getByTestId("save-status")).toHaveText("Saved");

  // Germany opens a discussion on France's proposal from the proposals panel.
  await proposalCard(germany, words.trim()).getByRole("button", { name: "Discuss" }).click();
  const draft = germany.getByTestId("new-thread");
  await expect(draft.getByTestId("thread-proposal")).toContainText("On the proposal (France)");
  await expect(draft.getByTestId("thread-proposal")).toContainText(words.trim());
  const question = `Does this cover recordings made abroad? ${Date.now()}`;
  await draft.getByRole("combobox", { name: "Your comment" }).fill(question);
  await draft.getByRole("button", { name: "Comment", exact: true }).click();
  const inGermany = germany.getByTestId("thread").filter({ hasText: question });
  await expect(inGermany.getByTestId("thread-proposal")).toContainText("France");

  // France, who made the proposal, is told, sees the count on the proposal, and replies there.
  await expect(france.getByTestId("notification-count")).toHaveText(/[1-9]/);
  await france.getByTestId("notification-bell").click();
  await expect(france.getByTestId("notification-list")).toContainText("commented on a proposal in");
  await france.getByTestId("notification-bell").click();
  const discussion = proposalCard(france, words.trim()).getByRole("button", { name: "Discussion (1 comment)" });
  await discussion.click();
  const inFrance = france.getByTestId("thread").filter({ hasText: question });
  const answer = `Yes, wherever the victim is. ${Date.now()}`;
  await inFrance.getByRole("combobox", { name: "Reply" }).fill(answer);
  await inFrance.getByRole("button", { name: "Reply", exact: true }).click();

  // Everyone sees the debate grow; the chair sees it on the proposal before deciding.
  await expect(inGermany).toContainText(answer);
  await expect(
    proposalCard(chair, words.trim()).getByRole("button", { name: "Discussion (2 comments)" }),
  ).toBeVisible();
  await proposalCard(chair, words.trim()).getByRole("button", { name: "Reject this proposal" }).click();
  // The debate is closed by the decision (no longer counted as open), kept, and says what became
  // of the proposal.
  await expect(inGermany).toBeHidden();
  await showMarginFilters(germany);
  await germany.getByRole("group", { name: "Show threads" }).getByRole("button", { name: "Resolved" }).click();
  await expect(inGermany.getByTestId("thread-outcome")).toHaveText("Rejected by the chair.");
});

test("a delegate writes the first words of a brand-new clause as proposals, in several paragraphs", async ({
  browser,
}) => {
  const chair = await (await browser.newContext()).newPage();
  await signIn(chair, "chair@clausework.demo");
  const { instrumentId, chapterId } = await withDatabase(async (db) => {
    const instrument = (await db.query(`SELECT id FROM "Instrument" ORDER BY "createdAt" LIMIT 1`)).rows[0].id;
    const chapter = (await db.query(`SELECT id FROM "Chapter" WHERE "instrumentId" = $1 LIMIT 1`, [instrument])).rows[0]
      .id;
    return { instrumentId: instrument, chapterId: chapter };
  });
  const created = await chair.request.post("/api/admin/clause.create", {
    data: { instrumentId, chapterId, number: "14 ter", title: "Online streaming of abuse", topics: "csam" },
  });
  expect(created.status()).toBe(200);
  const { clauseId } = (await created.json()) as { clauseId: string };

  // Its shared text has no paragraph yet: the first one comes from Canada's proposal.
  const canada = await (await browser.newContext()).newPage();
  await signIn(canada, "canada@clausework.demo");
  await canada.goto(`/clauses/${clauseId}`);
  await expect(canada.getByTestId("save-status")).toHaveAttribute("data-state", "saved", { timeout: 30_000 });
  await canada.getByTestId("clause-editor").click();
  await canada.keyboard.type("Each State Party shall criminalize live-streamed abuse.");
  await canada.keyboard.press("Enter");
  await canada.keyboard.type("This applies whatever the platform.");
  await expect(canada.getByTestId("save-status")).toHaveText("Saved");
  await expect(canada.getByTestId("dropped-edit")).toHaveCount(0);

  await chair.goto(`/clauses/${clauseId}`);
  const inChair = chair.getByTestId("clause-editor");
  await expect(inChair.locator("ins.proposal", { hasText: "whatever the platform" })).toBeVisible();
  await expect(inChair.locator("p")).toHaveCount(2);
});
