import { expectNoAxeViolations } from "./support/axe";
import { openClause, signIn } from "./support/demo";
import { expect, test } from "./support/test";

// Plenary mode: the chair presents, a delegation follows on its laptop and the projector shows the
// same view; the view follows the chair's selection and the next article, Stop following (Esc)
// returns to the clause room, and the projector says when the presentation ends.
const FIRST = /Gender mainstreaming/i;
const NEXT = /Respect for human rights/i;

test("the chair presents article by article; a delegation follows, stops following, and the projector sees the end", async ({
  browser,
}) => {
  const chair = await (await browser.newContext()).newPage();
  const delegate = await (await browser.newContext()).newPage();
  const projector = await (await browser.newContext()).newPage();
  await signIn(chair, "chair@clausework.demo");
  await signIn(delegate, "canada@clausework.demo");
  await signIn(projector, "press@clausework.demo");

  await openClause(chair, FIRST);
  await openClause(delegate, FIRST);
  // A delegation may not present: the button is the chair's and secretariat's.
  await expect(delegate.getByRole("button", { name: "Present" })).toHaveCount(0);

  await chair.getByRole("button", { name: "Present", exact: true }).click();
  await expect(chair.getByText("Presenting to the plenary")).toBeVisible();

  // Everyone in the instrument's clauses is offered to follow.
  const offer = delegate.getByRole("status").filter({ hasText: "The chair is presenting Article 5" });
  await expect(offer).toBeVisible();
  const plenaryHref = await offer.getByRole("link", { name: "Follow" }).getAttribute("href");
  expect(plenaryHref).toMatch(/^\/instruments\/[0-9a-f-]+\/plenary$/);

  // The delegation follows from the keyboard; the projector opens the plenary view directly.
  await offer.getByRole("link", { name: "Follow" }).focus();
  await delegate.keyboard.press("Enter");
  await projector.goto(plenaryHref as string);
  for (const screen of [delegate, projector]) {
    await expect(screen.getByRole("heading", { level: 1 })).toContainText("Article 5. Gender mainstreaming");
    await expect(screen.getByLabel("The presented clause")).toContainText("gender");
    await expect(screen.getByRole("link", { name: /Stop following/ })).toBeVisible();
  }

  // The chair selects the first words of the second paragraph: both screens show the same passage
  // and frame its paragraph.
  const secondParagraph = chair.getByTestId("clause-editor").locator("p").nth(1);
  await secondParagraph.click({ position: { x: 5, y: 5 } });
  await chair.keyboard.press("Home");
  for (let i = 0; i < 3; i++) await chair.keyboard.press("Control+Shift+ArrowRight");
  const selected = (await chair.evaluate(() => window.getSelection()?.toString() ?? "")).trim();
  expect(selected.length).toBeGreaterThan(3);
  for (const screen of [delegate, projector]) {
    await expect(screen.getByTestId("plenary-selection").first()).toContainText(selected.split(/\s+/)[0]);
    await expect(screen.locator(".plenary-focus")).toContainText(selected.split(/\s+/)[0]);
  }
  // The projector view, selection shown, and the chair's room while presenting pass WCAG 2.2 AA.
  await expectNoAxeViolations(projector, "the plenary view");
  await expectNoAxeViolations(chair, "the clause room while presenting");
  // The following screens are not in the room: the chair sees only the people in the clause.
  await expect(chair.getByTestId("presence-list")).not.toContainText("Press");

  // The chair moves to the next article: the plenary moves with them.
  await openClause(chair, NEXT);
  await expect(chair.getByText("Presenting to the plenary")).toBeVisible();
  for (const screen of [delegate, projector]) {
    await expect(screen.getByRole("heading", { level: 1 })).toContainText("Article 6. Respect for human rights");
  }

  // The delegation stops following (Esc) and is back in the clause room, at the article presented.
  await delegate.keyboard.press("Escape");
  await expect(delegate).toHaveURL(/\/clauses\/[0-9a-f-]+$/);
  await expect(delegate.getByRole("heading", { level: 1 })).toContainText("Respect for human rights");
  await expect(delegate.getByRole("status").filter({ hasText: "The chair is presenting Article 6" })).toBeVisible();

  // The chair stops: the projector says so, and the offer goes.
  await chair.getByRole("button", { name: "Stop presenting" }).click();
  await expect(projector.getByTestId("plenary-ended")).toHaveText("The presentation has ended.");
  await expect(delegate.getByText(/The chair is presenting/)).toHaveCount(0);
  await expect(chair.getByRole("button", { name: "Present", exact: true })).toBeVisible();
});
