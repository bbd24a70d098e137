// The terminology guard and agreed language, in two browsers on a clause of this journey's own:
// a delegate sees a glossary term underlined, reads its card and proposes the preferred wording
// with one click; then inserts a passage from the library of agreed language. The chair sees
// both proposals, the second saying where its words come from.
import { signIn } from "./support/demo";
import { withDatabase } from "./support/sessions";
import { type Browser, expect, type Page, test } from "./support/test";

const PREFERRED = "child sexual abuse or child sexual exploitation material";

async function personAt(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email);
  return page;
}

async function openById(page: Page, clauseId: string): Promise<void> {
  await page.goto(`/clauses/${clauseId}`);
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-state", /saved|read-only/, { timeout: 30_000 });
}

test("a delegate proposes the glossary's wording with one click and inserts agreed language; the chair sees both, with the citation", async ({
  browser,
}) => {
  const chair = await personAt(browser, "chair@clausework.demo");
  const australia = await personAt(browser, "australia@clausework.demo");

  // The chair starts a clause of this journey's own and writes its first words directly.
  const { instrumentId, chapterId } = await withDatabase(
    async (db) =>
      (
        await db.query(
          `SELECT c."instrumentId", c.id AS "chapterId" FROM "Chapter" c JOIN "Instrument" i ON i.id = c."instrumentId"
           WHERE i.slug = 'ict-crime-convention' ORDER BY c.position DESC LIMIT 1`,
        )
      ).rows[0],
  );
  const created = await chair.request.post("/api/admin/clause.create", {
    data: { instrumentId, chapterId, number: `G${Date.now() % 100_000}`, title: "Terminology journey" },
  });
  expect(created.status()).toBe(200);
  const { clauseId } = (await created.json()) as { clauseId: string };
  await openById(chair, clauseId);
  await chair.getByTestId("clause-editor").click();
  await chair.keyboard.type("States Parties shall criminalize child pornography offences.");
  await expect(chair.getByTestId("save-status")).toHaveText("Saved");
  // The chair's own text is underlined as typed, too.
  await expect(chair.locator(".glossary-match")).toHaveText("child pornography");

  // Australia sees the term underlined; hovering previews the card, clicking opens it.
  await openById(australia, clauseId);
  const term = australia.getByTestId("clause-editor").locator(".glossary-match");
  await expect(term).toHaveText("child pornography");
  await term.hover();
  const card = australia.getByTestId("glossary-card");
  await expect(card).toContainText(PREFERRED);
  await expect(card).toContainText("a child cannot consent");
  await term.click();
  await expect(card).toHaveAttribute("data-pinned", "true");
  await card.getByRole("button", { name: "Propose the preferred wording" }).click();
  await expect(australia.getByTestId("save-status")).toHaveText("Saved");
  await expect(australia.getByTestId("clause-editor").locator("ins.proposal")).toHaveText(PREFERRED);

  // The chair sees it as Australia's proposal: the term struck, the preferred wording inserted.
  const replacement = chair.getByTestId("proposal").filter({ hasText: PREFERRED });
  await expect(replacement).toContainText("Australia");
  await expect(replacement).toContainText("Replacement");
  await expect(replacement.locator("del")).toHaveText("child pornography");

  // Australia searches the library and inserts UNTOC's article 25(1) at the end of the clause.
  await australia.getByTestId("clause-editor").click();
  await australia.keyboard.press("ControlOrMeta+End");
  await australia.getByRole("button", { name: "Agreed language" }).click();
  await australia.getByLabel("Search the library").fill("victims 25(1)");
  const passages = australia.getByTestId("agreed-passage");
  await expect(passages).toHaveCount(1);
  await expect(passages).toContainText("from: UNTOC, art. 25(1) (paraphrase)");
  await passages.getByRole("button", { name: "Insert as a proposal" }).click();
  await expect(australia.getByTestId("save-status")).toHaveText("Saved");

  // The chair, in the other browser, sees the passage proposed with its citation.
  const borrowed = chair.getByTestId("proposal").filter({ hasText: "help and protect" });
  await expect(borrowed).toContainText("Australia");
  await expect(borrowed.getByTestId("proposal-citation")).toHaveText("from: UNTOC, art. 25(1) (paraphrase)");
  // And the index holds it, pinned to the library's entry.
  const cited = await withDatabase(
    async (db) =>
      (
        await db.query(
          `SELECT e.article FROM "Proposal" p JOIN "AgreedLanguageEntry" e ON e.id = p."citationId" WHERE p."clauseId" = $1`,
          [clauseId],
        )
      ).rows,
  );
  expect(cited).toEqual([{ article: "art. 25(1)" }]);
});
