// Accessibility (WCAG 2.2 AA, axe-core) on the main pages in their busy states: the sign-in page
// with an error, the clause list with its Export menu and filters in use and the bell open, a
// clause room full of proposals, positions and threads (with the mention list and a proposal's
// hover card open) as the chair and as a delegate, and every administration page including the
// audit trail. Zero violations.

import { openAdministration } from "./support/admin";
import { expectNoAxeViolations } from "./support/axe";
import { commentOn, selectWords, thread } from "./support/comments";
import { DEMO_PASSWORD, openClause, signIn } from "./support/demo";
import { negotiateOpen } from "./support/negotiate-open";
import { type Browser, expect, type Page, test } from "./support/test";

const CLAUSE = /General principles of international cooperation/;

// The demo agrees this article as a whole, and an agreed article refuses delegations' proposals:
// reopened first, as the chair would (e2e/support/negotiate-open.ts).
test.beforeAll(() => negotiateOpen("General principles of international cooperation"));

async function personAt(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  await signIn(page, email);
  return page;
}

test("the sign-in page, with a refused password, has no accessibility violations", async ({ page }) => {
  await page.goto("/signin");
  await expectNoAxeViolations(page, "the sign-in page");
  await page.getByLabel("Email").fill("canada@clausework.demo");
  await page.getByLabel("Password").fill(`${DEMO_PASSWORD}-wrong`);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("alert")).toBeVisible();
  await expectNoAxeViolations(page, "the sign-in page with its error");
});

test("the clause list with its menus open and filters in use has no accessibility violations", async ({ browser }) => {
  const chair = await personAt(browser, "chair@clausework.demo");
  await expectNoAxeViolations(chair, "the clause list");
  await chair.getByText("Export", { exact: true }).click();
  await expect(chair.getByRole("link", { name: /Clean text \(printable page\)/ })).toBeVisible();
  await expectNoAxeViolations(chair, "the clause list with the Export menu open");
  await chair.keyboard.press("Escape");
  await chair.getByLabel("Topic", { exact: true }).selectOption("children");
  await chair.getByLabel("Search", { exact: true }).fill("protection");
  await expect(chair.getByRole("status").filter({ hasText: /shown/ })).toBeVisible();
  await chair.getByTestId("notification-bell").click();
  await expectNoAxeViolations(chair, "the clause list, filtered, with the bell open");
});

test("a busy clause room — proposals, positions, threads, the mention list — has no accessibility violations", async ({
  browser,
}) => {
  const canada = await personAt(browser, "canada@clausework.demo");
  const australia = await personAt(browser, "australia@clausework.demo");
  const chair = await personAt(browser, "chair@clausework.demo");
  for (const page of [canada, australia, chair]) await openClause(page, CLAUSE);

  // Two delegations propose: a replacement and an insertion.
  await selectWords(canada, "cooperate with one another");
  await canada.keyboard.type("work together");
  await selectWords(australia, "who may remain at risk");
  await australia.keyboard.press("End");
  await australia.keyboard.type(" or in danger");
  for (const page of [canada, australia]) await expect(page.getByTestId("save-status")).toHaveText("Saved");
  const canadaProposal = australia.getByTestId("proposal").filter({ hasText: "work together" });
  await canadaProposal.getByRole("button", { name: /^Supports/ }).click();
  await expect(canadaProposal.getByTestId("positions-tally")).toContainText("Supports (1)AUS");

  // A thread on words, replied to, and a proposal's own discussion.
  const words = "in gathering electronic evidence";
  await commentOn(canada, words, "Does this include evidence held abroad?");
  await thread(australia, "held abroad").click();
  await thread(australia, "held abroad").getByRole("combobox", { name: "Reply" }).fill("It should, yes.");
  await thread(australia, "held abroad").getByRole("button", { name: "Reply", exact: true }).click();
  await expect(thread(canada, "It should, yes.")).toBeVisible();
  await chair.getByTestId("proposal").filter({ hasText: "or in danger" }).getByTestId("discuss-proposal").click();

  await expect(chair.getByTestId("proposal")).toHaveCount(2);
  await expect(thread(chair, "held abroad")).toBeVisible();
  await expectNoAxeViolations(chair, "the clause room as the chair");

  // The chair's view with another person's selection and caret over proposed words.
  await selectWords(canada, "work together");
  await expect(chair.locator(".collaboration-carets__caret")).not.toHaveCount(0);
  await expectNoAxeViolations(chair, "the clause room with another person's selection");

  // A delegate writing a reply with the mention list open, then hovering a proposal.
  await thread(canada, "held abroad").click();
  const reply = thread(canada, "held abroad").getByRole("combobox", { name: "Reply" });
  await reply.pressSequentially("Asking @Aus");
  await expect(canada.getByRole("listbox", { name: "People and delegations to mention" })).toBeVisible();
  await canada.keyboard.press("ArrowDown");
  await expectNoAxeViolations(canada, "the clause room with the mention list open");
  await canada.keyboard.press("Escape");
  await canada.getByTestId("clause-editor").locator("ins.proposal", { hasText: "or in danger" }).hover();
  await expect(canada.getByTestId("proposal-hover-card")).toBeVisible();
  await expectNoAxeViolations(canada, "the clause room with a proposal's hover card");
});

test("the administration pages and the audit trail have no accessibility violations", async ({ browser }) => {
  const secretariat = await personAt(browser, "secretariat@clausework.demo");
  await openAdministration(secretariat);
  await secretariat.getByText(/^Edit article 35/).click();
  await secretariat.getByText("Restrict the whole chapter").first().click();
  await expectNoAxeViolations(secretariat, "text and clauses, an article and a chapter restriction open");

  await secretariat.getByRole("link", { name: "Delegations and people" }).click();
  await expect(secretariat).toHaveURL(/\/people$/);
  await expectNoAxeViolations(secretariat, "delegations and people");

  await secretariat.getByRole("link", { name: "Audit trail" }).click();
  await expect(secretariat.getByTestId("audit-trail")).toBeVisible();
  await expectNoAxeViolations(secretariat, "the audit trail");
  await secretariat.getByLabel("From (UTC day)").fill("12/01/2026");
  await secretariat.getByRole("button", { name: "Filter" }).click();
  await expect(secretariat.getByText("From: not a date this filter reads")).toBeVisible();
  await expectNoAxeViolations(secretariat, "the audit trail with a refused date");
});
