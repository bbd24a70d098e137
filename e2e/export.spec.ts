// Exports: a delegate downloads the draft from the clause list — clean, and with proposals as
// tracked changes by delegation, as a printable page or a Word file, and the changes since a saved
// version as Word; a clause's own from its page — text typed as markup stays inert, a clause in informal
// consultations is in Australia's export and absent from Canada's, and every export is on the
// audit trail.
import { readFile } from "node:fs/promises";
import { strFromU8, unzipSync } from "fflate";
import { openClause } from "@/lib/collab/test-support/clause-client";
import type { ProposalAuthor } from "@/lib/editor/suggestions/proposal-author";
import { signIn } from "./support/demo";
import { createOutsider, type Session, signInApi, withDatabase } from "./support/sessions";
import { expect, test } from "./support/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const BASE = `http://localhost:${PORT}`;
const SOCKET = `ws://localhost:${PORT}/collab`;
const STAMP = Date.now().toString(36);
const TITLE = `Export consultations ${STAMP}`;
const AGREED = `Agreed consultation wording ${STAMP} <script>document.title="pwned"</script>`;
const PROPOSED = `Australia proposes this sentence ${STAMP}.`;

const query = <T>(sql: string, values: unknown[] = []) =>
  withDatabase(async (db) => (await db.query(sql, values)).rows as T[]);

let chair: Session;
let canada: Session;
let instrumentId: string;

async function authorOf(email: string): Promise<ProposalAuthor> {
  const [row] = await query<ProposalAuthor>(
    `SELECT u.id AS "authorId", u.name AS "authorName", o.id AS "organizationId", o.code AS "organizationCode",
            o.name AS "organizationName", o.colour FROM "User" u
     JOIN "Membership" m ON m."userId" = u.id JOIN "Organization" o ON o.id = m."organizationId" WHERE u.email = $1`,
    [email],
  );
  return row;
}

async function write(session: Session, clauseId: string, text: string, proposeAs?: ProposalAuthor) {
  const client = openClause(SOCKET, clauseId, session.cookie, { proposeAs });
  try {
    await expect(client.authenticated).resolves.toBe("read-write");
    await client.saved();
    client.appendParagraph(text);
    await client.saved();
  } finally {
    client.destroy();
  }
}

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  chair = await signInApi(BASE, "chair@clausework.demo");
  canada = await signInApi(BASE, "canada@clausework.demo");
  const [instrument] = await query<{ id: string }>(`SELECT id FROM "Instrument" ORDER BY "createdAt" LIMIT 1`);
  instrumentId = instrument.id;
  const [chapter] = await query<{ id: string }>(
    `SELECT id FROM "Chapter" WHERE "instrumentId" = $1 ORDER BY position LIMIT 1`,
    [instrumentId],
  );
  const [australia] = await query<{ id: string }>(`SELECT id FROM "Organization" WHERE code = 'AUS'`);
  const created = await chair.api.post("/api/admin/clause.create", {
    data: { instrumentId, chapterId: chapter.id, number: "14 ter", title: TITLE, topics: "victims" },
  });
  expect(created.status()).toBe(200);
  const { clauseId } = (await created.json()) as { clauseId: string };
  const restricted = await chair.api.post("/api/admin/clause.restrict", {
    data: { instrumentId, clauseId, organizationIds: [australia.id] },
  });
  expect(restricted.status()).toBe(200);
  await write(chair, clauseId, AGREED);
  const australiaSession = await signInApi(BASE, "australia@clausework.demo");
  try {
    await write(australiaSession, clauseId, PROPOSED, await authorOf("australia@clausework.demo"));
  } finally {
    await australiaSession.api.dispose();
  }
});

test.afterAll(async () => {
  await chair?.api.dispose();
  await canada?.api.dispose();
});

test("an insider downloads the draft from the clause list, with proposals as tracked changes and markup inert", async ({
  page,
}) => {
  await signIn(page, "australia@clausework.demo");
  await page.getByTestId("export-menu").getByText("Export", { exact: true }).click();
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: /With proposals \(printable page\)/ }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/-with-proposals\.html$/);
  const html = await readFile((await download.path()) as string, "utf8");
  expect(html).toContain(`Article 14 ter. ${TITLE}`);
  expect(html).toContain(
    `Agreed consultation wording ${STAMP} &lt;script&gt;document.title=&quot;pwned&quot;&lt;/script&gt;`,
  );
  expect(html).not.toContain("<script");
  expect(html).toMatch(
    new RegExp(
      `<ins [^>]*title="Proposed insertion by Australia[^"]*"[^>]*>${PROPOSED}</ins><sup class="by">AUS</sup>`,
    ),
  );

  // Opened in the browser, the printed page runs nothing: the title stays the instrument's.
  await page.setContent(html);
  await expect(page.getByRole("heading", { name: TITLE })).toBeVisible();
  expect(await page.title()).not.toBe("pwned");

  const [event] = await query<{ details: Record<string, unknown>; organizationCode: string }>(
    `SELECT details, "organizationCode" FROM "AuditEvent" WHERE action = 'instrument.exported'
     AND "actorUserId" = (SELECT id FROM "User" WHERE email = 'australia@clausework.demo') ORDER BY id DESC LIMIT 1`,
  );
  expect(event.organizationCode).toBe("AUS");
  expect(event.details).toMatchObject({ format: "html", variant: "proposals" });
});

test("a delegate downloads Word files from the Export menu — with proposals, a saved version, the changes since it — and a clause's own from its page", async ({
  page,
}) => {
  await signIn(page, "australia@clausework.demo");
  await page.getByTestId("export-menu").getByText("Export", { exact: true }).click();
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: /With proposals and comments \(Word\)/ }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/-with-proposals\.docx$/);
  const parts = unzipSync(new Uint8Array(await readFile((await download.path()) as string)));
  const document = strFromU8(parts["word/document.xml"]);
  expect(document).toContain(`Article 14 ter. ${TITLE}`);
  // Australia's proposal is a real tracked change, by Australia.
  expect(document).toMatch(new RegExp(`<w:ins [^>]*w:author="Australia \\([^"]+\\)"[^>]*><w:r>.*?${PROPOSED}`));

  // The changes since a saved version, chosen in the menu.
  const saved = await chair.api.post(`/api/instruments/${instrumentId}/versions`, {
    data: { name: `Export reading ${STAMP}` },
  });
  expect(saved.status()).toBe(200);
  await page.reload();
  await page.getByTestId("export-menu").getByText("Export", { exact: true }).click();
  const { versionId } = (await saved.json()) as { versionId: string };
  await page.getByLabel("A saved version (Word)").selectOption(versionId);
  const changes = page.waitForEvent("download");
  await page.getByRole("link", { name: "Changes since it" }).click();
  expect((await changes).suggestedFilename()).toMatch(/-changes\.docx$/);
  // The menu stays open on the version chosen.
  const ofVersion = page.waitForEvent("download");
  await page.getByRole("link", { name: "Its text" }).click();
  const versionFile = unzipSync(new Uint8Array(await readFile((await (await ofVersion).path()) as string)));
  expect(strFromU8(versionFile["word/document.xml"])).toContain(`Version “Export reading ${STAMP}”`);

  const [clause] = await query<{ id: string }>(`SELECT id FROM "Clause" WHERE title = $1`, [TITLE]);
  await page.goto(`/clauses/${clause.id}`);
  await page.getByTestId("export-menu").getByText("Export", { exact: true }).click();
  const clauseDownload = page.waitForEvent("download");
  await page.getByRole("link", { name: /Clean text \(Word\)/ }).click();
  expect((await clauseDownload).suggestedFilename()).toMatch(/-article-14-ter-clean\.docx$/);

  // The clause as Akoma Ntoso (the menu stays open after a download): a portion of the
  // instrument, Australia's proposal an <ins> of its delegation.
  const akn = page.waitForEvent("download");
  await page.getByRole("link", { name: /Akoma Ntoso \(XML\)/ }).click();
  const aknFile = await akn;
  expect(aknFile.suggestedFilename()).toMatch(/-article-14-ter-with-proposals\.akn\.xml$/);
  const xml = await readFile((await aknFile.path()) as string, "utf8");
  expect(xml).toContain("<portion");
  expect(xml).toMatch(new RegExp(`<ins [^>]*title="Proposed insertion by Australia[^"]*"[^>]*>${PROPOSED}`));
});

test("the clean export keeps the agreed text and leaves the proposal out; plain text too", async () => {
  const australia = await signInApi(BASE, "australia@clausework.demo");
  try {
    const clean = await australia.api.get(`/api/instruments/${instrumentId}/export?format=html&variant=clean`);
    expect(clean.status()).toBe(200);
    expect(clean.headers()["content-disposition"]).toMatch(/^attachment; filename=".*-clean\.html"$/);
    expect(clean.headers()["content-security-policy"]).toContain("default-src 'none'");
    const html = await clean.text();
    expect(html).toContain(TITLE);
    expect(html).toContain(`Agreed consultation wording ${STAMP}`);
    expect(html).not.toContain(PROPOSED);
    expect(html).not.toContain("<ins");

    const text = await australia.api.get(`/api/instruments/${instrumentId}/export?format=text`);
    expect(text.headers()["content-type"]).toBe("text/plain; charset=utf-8");
    const plain = await text.text();
    expect(plain).toContain(`Article 14 ter. ${TITLE} [Open]`);
    expect(plain).toContain(AGREED);
    expect(plain).not.toContain(PROPOSED);
    // The seeded alternatives (lib/seed/demo-alternatives.ts) print as negotiators write them.
    const alternatives = "[Alt 1: Knowingly obtaining access to] [Alt 2: Intentionally accessing or viewing]";
    expect(plain).toContain(alternatives);
    expect(html).toContain("[Alt 2: Intentionally accessing or viewing]");
  } finally {
    await australia.api.dispose();
  }
});

test("a clause restricted to Australia is absent from Canada's export, without a trace", async () => {
  const before = await query<{ id: string }>(`SELECT id FROM "AuditEvent" ORDER BY id DESC LIMIT 1`);
  for (const [format, variant] of [
    ["html", "proposals"],
    ["text", "clean"],
  ]) {
    const response = await canada.api.get(
      `/api/instruments/${instrumentId}/export?format=${format}&variant=${variant}`,
    );
    expect(response.status()).toBe(200);
    const body = await response.text();
    expect(body).not.toContain(TITLE);
    expect(body).not.toContain("14 ter");
    expect(body).not.toContain(STAMP);
  }
  const events = await query<{ details: { clauses: number; format: string }; organizationCode: string }>(
    `SELECT details, "organizationCode" FROM "AuditEvent" WHERE action = 'instrument.exported' AND id > $1 ORDER BY id`,
    [before[0].id],
  );
  expect(events.map((e) => [e.organizationCode, e.details.format])).toEqual([
    ["CAN", "html"],
    ["CAN", "text"],
  ]);
  // Canada's export counts the clauses Canada sees: fewer than the instrument holds.
  const [{ count }] = await query<{ count: number }>(
    `SELECT count(*)::int AS count FROM "Clause" WHERE "instrumentId" = $1`,
    [instrumentId],
  );
  expect(events[0].details.clauses).toBeLessThan(count);
});

test("bad requests are refused clearly and recorded nowhere", async () => {
  const before = await query<{ count: number }>(
    `SELECT count(*)::int AS count FROM "AuditEvent" WHERE action = 'instrument.exported'`,
  );
  const outsiderEmail = `outsider-export-${STAMP}@example.org`;
  await createOutsider(outsiderEmail);
  const outsider = await signInApi(BASE, outsiderEmail);
  try {
    const cases: [Session, string, number, RegExp][] = [
      [canada, `/api/instruments/${instrumentId}/export?format=pdf`, 400, /format: html, text, docx, akn/],
      [canada, `/api/instruments/${instrumentId}/export?format=text&variant=proposals`, 400, /clean variant only/],
      [canada, "/api/instruments/not-an-id/export", 400, /instrument is not valid/],
      [canada, "/api/instruments/00000000-0000-4000-8000-000000000000/export", 404, /does not exist/],
      [outsider, `/api/instruments/${instrumentId}/export`, 404, /does not exist/],
    ];
    for (const [session, path, status, message] of cases) {
      const response = await session.api.get(path);
      expect(response.status(), path).toBe(status);
      expect((await response.json()).error).toMatch(message);
    }
    const anonymous = await fetch(`${BASE}/api/instruments/${instrumentId}/export`);
    expect(anonymous.status).toBe(401);
    // Another site cannot make a delegate's browser fetch (and so audit) an export.
    const crossSite = await canada.api.get(`/api/instruments/${instrumentId}/export`, {
      headers: { "sec-fetch-site": "cross-site" },
    });
    expect(crossSite.status()).toBe(403);
  } finally {
    await outsider.api.dispose();
  }
  const after = await query<{ count: number }>(
    `SELECT count(*)::int AS count FROM "AuditEvent" WHERE action = 'instrument.exported'`,
  );
  expect(after[0].count).toBe(before[0].count);
});

test("the secretariat finds exports in the audit trail and filters by them", async ({ page }) => {
  await signIn(page, "secretariat@clausework.demo");
  await page.goto(`/admin/${instrumentId}/audit`);
  await page.getByLabel("What").selectOption("instrument.exported");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/action=instrument.exported/);
  const trail = page.getByTestId("audit-trail");
  await expect(trail).toContainText("(AUS)");
  await expect(trail).toContainText("(CAN)");
  await expect(trail).toContainText(/Clauses: \d+ · Format: html · Variant: proposals/);
  for (const action of await trail.getByTestId("audit-action").allTextContents()) {
    expect(action).toBe("Draft exported");
  }
});
