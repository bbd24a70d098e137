// The Word import: the secretariat uploads a .docx draft into a new, empty instrument, sees
// its chapters and articles, tracked changes and comments in the preview, maps each Word author
// to a delegation, imports, opens a new clause and finds a delegation's proposal and a comment
// there. A file that is not a Word draft is refused with its message and imports nothing.
import { CANADA_AUTHOR, draftConvention, KENYA_AUTHOR } from "@/lib/word-import/test-support/word-fixtures";
import { expectNoAxeViolations } from "./support/axe";
import { signIn } from "./support/demo";
import { signInApi, withDatabase } from "./support/sessions";
import { expect, test } from "./support/test";

const STAMP = Date.now().toString(36);
let instrumentId: string;

test.beforeAll(async () => {
  // A new instrument the demo secretariat chairs, with Jamaica and Canada negotiating: empty.
  instrumentId = await withDatabase(async (db) => {
    const id: string = (
      await db.query(
        `INSERT INTO "Instrument" (id, slug, title, "shortTitle") VALUES (gen_random_uuid(), $1, $2, 'Imported') RETURNING id`,
        [`word-import-${STAMP}`, `Draft convention from Word ${STAMP}`],
      )
    ).rows[0].id;
    await db.query(
      `INSERT INTO "Participant" (id, "instrumentId", "organizationId", role)
       SELECT gen_random_uuid(), $1, o.id, CASE o.code WHEN 'CHAIR' THEN 'CHAIR' ELSE 'DELEGATE' END::"ParticipantRole"
       FROM "Organization" o WHERE o.code IN ('CHAIR', 'JAM', 'CAN')`,
      [id],
    );
    return id;
  });
});

const clauseCount = () =>
  withDatabase(
    async (db) =>
      (await db.query(`SELECT count(*)::int AS n FROM "Clause" WHERE "instrumentId" = $1`, [instrumentId])).rows[0].n,
  );

test("the secretariat imports a Word draft: preview, authors mapped to delegations, clauses with proposals and comments", async ({
  page,
}) => {
  await signIn(page, "secretariat@clausework.demo");
  await page.goto(`/admin/${instrumentId}`);
  await page
    .getByRole("navigation", { name: "Administration" })
    .getByRole("link", { name: "Import from Word" })
    .click();
  await expect(page.getByRole("heading", { name: "Import a Word draft" })).toBeVisible();

  // Not a Word file: refused with its message, nothing imported.
  const upload = page.getByLabel(/Word draft \(\.docx, at most 10 MB\)/);
  await upload.setInputFiles({
    name: "minutes.docx",
    mimeType: "application/octet-stream",
    buffer: Buffer.from("Minutes"),
  });
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "not a Word document" })).toBeVisible();

  await upload.setInputFiles({
    name: "Draft convention.docx",
    mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    buffer: Buffer.from(await draftConvention()),
  });
  await page.getByRole("button", { name: "Preview" }).click();
  const found = page.getByRole("region", { name: "Chapters and articles found" });
  await expect(found.getByRole("heading", { name: "Chapter I. General provisions" })).toBeVisible();
  const first = found.getByRole("listitem", { name: "Article 1" });
  await expect(first).toContainText("Article 1. Statement of purpose");
  await expect(first).toContainText("(a)with full respect for their human rights;");
  await expect(first).toContainText("(i)including their families.");
  const changes = page.getByRole("region", { name: "Tracked changes (3)" });
  await expect(changes).toContainText(KENYA_AUTHOR);
  await expect(changes).toContainText("replaces where appropriate with in every case");
  const comments = page.getByRole("region", { name: "Comments (2 threads)" });
  await expect(comments).toContainText("on “prevent and combat”");
  await expect(comments).toContainText(`${KENYA_AUTHOR}: Yes, see the Budapest language.`);
  expect(await clauseCount()).toBe(0);
  await expectNoAxeViolations(page, "the Word import's preview");

  await page.getByLabel(new RegExp(KENYA_AUTHOR)).selectOption({ label: "Jamaica (JAM)" });
  await page.getByLabel(new RegExp(CANADA_AUTHOR)).selectOption({ label: "Canada (CAN)" });
  await page.getByRole("button", { name: "Import", exact: true }).click();
  const imported = page.getByRole("status", { name: /Imported 3 articles, 3 proposals and 2 comment threads/ });
  await expect(imported).toBeVisible();
  expect(await clauseCount()).toBe(3);

  await imported.getByRole("link", { name: "Article 1. Statement of purpose" }).click();
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-state", /saved|read-only/, { timeout: 30_000 });
  const editor = page.getByTestId("clause-editor");
  await expect(
    editor.locator("ins.proposal", { hasText: "paying particular attention to women and children" }),
  ).toBeVisible();
  const proposal = page.getByTestId("proposal").filter({ hasText: "paying particular attention" });
  await expect(proposal).toContainText("Jamaica");
  await expect(editor.locator("[data-comment-thread]", { hasText: "prevent and combat" })).toBeVisible();
  const thread = page.getByTestId("thread").filter({ hasText: "Should this cover online exploitation?" });
  await expect(thread).toContainText("CAN");
  await expect(thread).toContainText("Yes, see the Budapest language.");
});

test("a Word draft over 10 MB is refused from its declared length, before it is read", async ({ baseURL }) => {
  const before = await clauseCount();
  const response = await fetch(`${baseURL}/api/instruments/${instrumentId}/import?preview=1`, {
    method: "POST",
    headers: { "content-type": "multipart/form-data; boundary=x" },
    body: new Uint8Array(11 * 1024 * 1024),
  });
  expect(response.status).toBe(413);
  expect(((await response.json()) as { error: string }).error).toBe(
    "Request body too large: a Word draft may send at most 10 MB.",
  );
  expect(await clauseCount()).toBe(before);
});

test("an upload from another site is refused, even with the secretariat's session", async ({ baseURL }) => {
  const secretariat = await signInApi(baseURL as string, "secretariat@clausework.demo");
  try {
    const before = await clauseCount();
    const file = {
      name: "draft.docx",
      mimeType: "application/octet-stream",
      buffer: Buffer.from(await draftConvention()),
    };
    const authors = JSON.stringify({});
    const tries: Record<string, string>[] = [{ origin: "https://elsewhere.example" }, {}];
    for (const headers of tries) {
      const response = await secretariat.api.post(`/api/instruments/${instrumentId}/import`, {
        headers,
        multipart: { file, authors },
      });
      expect(response.status()).toBe(403);
    }
    expect(await clauseCount()).toBe(before);
  } finally {
    await secretariat.api.dispose();
  }
});
