// Readings: the chair saves "after the first reading", a delegation proposes, the chair accepts
// and saves "after the second reading", and another delegation compares the two and sees the
// change, attributed to the delegation whose proposal it was.
import { selectWords } from "./support/comments";
import { openClause, signIn, typeAtEnd } from "./support/demo";
import { negotiateOpen } from "./support/negotiate-open";
import { expect, type Page, test } from "./support/test";

const COOPERATION = "General principles of international cooperation";

// The demo agrees this article as a whole, and an agreed article refuses delegations' proposals:
// reopened first, as the chair would (e2e/support/negotiate-open.ts).
test.beforeAll(() => negotiateOpen("General principles of international cooperation"));

async function signedInAt(browser: import("@playwright/test").Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email);
  await openClause(page, COOPERATION);
  return page;
}

async function saveVersion(chair: Page, name: string): Promise<void> {
  await chair.getByRole("link", { name: "History" }).click();
  const form = chair.getByRole("form", { name: "Save version" });
  await form.getByLabel("Name").fill(name);
  await form.getByRole("button", { name: "Save version" }).click();
  await expect(chair.getByRole("list", { name: "Timeline" }).getByRole("link", { name })).toBeVisible();
}

test("a delegation compares the first and second readings and sees who changed what", async ({ browser }) => {
  const chair = await signedInAt(browser, "chair@clausework.demo");
  await saveVersion(chair, "after the first reading");

  // Australia proposes; the chair accepts from the clause room.
  const australia = await signedInAt(browser, "australia@clausework.demo");
  await selectWords(australia, "give priority");
  await australia.keyboard.type("give the highest priority");
  await expect(australia.getByTestId("save-status")).toHaveText("Saved");
  await chair.goto(australia.url());
  const card = chair.getByTestId("proposal").filter({ hasText: "the highest" });
  await expect(card).toBeVisible({ timeout: 15_000 });
  await card.getByRole("button", { name: "Accept this proposal" }).click();
  await expect(chair.getByTestId("clause-editor")).toContainText("give the highest priority");
  await saveVersion(chair, "after the second reading");

  // New Zealand, who only reads the history, compares the two readings.
  const newZealand = await signedInAt(browser, "new-zealand@clausework.demo");
  await newZealand.getByRole("link", { name: "History" }).click();
  await expect(newZealand.getByRole("form", { name: "Save version" })).toHaveCount(0);
  const timeline = newZealand.getByRole("list", { name: "Timeline" });
  await expect(timeline).toContainText("1 proposal accepted");
  await expect(timeline).toContainText("accepted the proposal (AUS)");
  const compare = newZealand.getByRole("form", { name: "Compare versions" });
  await compare.getByLabel("From").selectOption({ label: "after the first reading" });
  await compare.getByLabel("To").selectOption({ label: "after the second reading" });
  await compare.getByRole("button", { name: "Compare" }).click();

  await expect(
    newZealand.getByRole("heading", { name: "after the first reading → after the second reading" }),
  ).toBeVisible();
  const inline = newZealand.getByRole("article", { name: "Inline comparison" });
  await expect(inline.locator("ins", { hasText: "the highest" })).toBeVisible();
  const changes = newZealand.getByRole("region", { name: "Changes" });
  await expect(changes).toContainText("1 change");
  await expect(changes).toContainText("Inserted");
  await expect(changes).toContainText("the highest");
  await expect(changes).toContainText("Australia (AUS) — proposal accepted by");

  await newZealand.getByRole("link", { name: "Side by side" }).click();
  const side = newZealand.getByRole("table", { name: "Side by side comparison" });
  await expect(side.locator("ins", { hasText: "the highest" })).toBeVisible();
  await expect(side.getByRole("columnheader", { name: "after the second reading" })).toBeVisible();

  // The same comparison for tools, through the API.
  const clauseId = new URL(newZealand.url()).pathname.split("/")[2];
  const versions = (await (await newZealand.request.get(`/api/clauses/${clauseId}/versions`)).json()) as {
    id: string;
    name: string;
  }[];
  const id = (name: string) => versions.find((v) => v.name === name)?.id;
  const api = await newZealand.request.get(
    `/api/clauses/${clauseId}/compare?from=${id("after the first reading")}&to=${id("after the second reading")}`,
  );
  expect(api.status()).toBe(200);
  const body = (await api.json()) as { changes: { kind: string; text: string; delegation: { code: string } | null }[] };
  expect(body.changes).toEqual([
    expect.objectContaining({ kind: "insert", delegation: expect.objectContaining({ code: "AUS" }) }),
  ]);
  // Saving is the chair's: a delegation is refused.
  const refused = await newZealand.request.post(`/api/clauses/${clauseId}/versions`, {
    data: { name: "ours" },
    headers: { origin: new URL(newZealand.url()).origin },
  });
  expect(refused.status()).toBe(403);
});

test("the chair saves a version of a chapter, edits a clause, and the instrument's compare names the clause and the chair", async ({
  browser,
}) => {
  const chair = await signedInAt(browser, "chair@clausework.demo");
  await chair.goto("/");
  await chair
    .getByRole("region", { name: /^Draft convention on countering the use of information/ })
    .getByRole("link", { name: "Readings" })
    .click();
  const form = chair.getByRole("form", { name: "Save version" });
  await form.getByLabel("Of").selectOption({ label: "Chapter IV. International cooperation" });
  await form.getByLabel("Name").fill("after the second session");
  await form.getByRole("button", { name: "Save version" }).click();
  const versions = chair.getByRole("list", { name: "Versions" });
  await expect(versions).toContainText("after the second session · Chapter IV");
  const readings = chair.url();

  await openClause(chair, COOPERATION);
  const words = `Cooperation shall be prompt ${Date.now()}.`;
  await typeAtEnd(chair, words);
  await expect(chair.getByTestId("save-status")).toHaveText("Saved");

  const canada = await (await browser.newContext()).newPage();
  await signIn(canada, "canada@clausework.demo");
  await canada.goto(readings);
  const compare = canada.getByRole("form", { name: "Compare versions" });
  await compare.getByLabel("From").selectOption({ label: "after the second session" });
  await compare.getByRole("button", { name: "Compare" }).click();
  const clauses = canada.getByRole("region", { name: "Clauses compared" });
  await expect(clauses).toContainText("1 clause changed");
  await clauses.getByRole("listitem").filter({ hasText: COOPERATION }).getByRole("link", { name: "1 change" }).click();
  const changes = canada.getByRole("region", { name: "Changes" });
  await expect(changes).toContainText(words);
  await expect(changes).toContainText("(direct edit)");
});
