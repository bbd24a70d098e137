// Importing a Word draft into an empty instrument, on a real PostgreSQL with the demo data: the
// clauses with their numbered paragraphs (read through the clause model), the proposals of the
// mapped delegations (through the proposals list), the threads with their replies (through the
// comments list) — and a refused import leaves nothing behind.

import { beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { createInstrument } from "@/lib/admin/create-instrument";
import { findSessionUser } from "@/lib/auth/find-session-user";
import type { SessionUser } from "@/lib/auth/session-user";
import { anchoredThreadIds } from "@/lib/clause-model/anchored-threads";
import type { Block, ListItem } from "@/lib/clause-model/clause-model";
import { clausePlainText } from "@/lib/clause-model/plain-text";
import { readClause } from "@/lib/clause-model/read-clause";
import { loadClauseState } from "@/lib/collab/clause-store";
import { listThreads } from "@/lib/comments/list-threads";
import { prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors/app-error";
import { listClauseProposals } from "@/lib/proposals/list-clause-proposals";
import { seedIfEmpty } from "@/lib/seed/seed-demo-data";
import { importWordDraft } from "./import-word-draft";
import { previewWordDraft } from "./preview-word-draft";
import {
  CANADA_AUTHOR,
  documentXml,
  draftConvention,
  KENYA_AUTHOR,
  overlongComment,
  withStatuses,
  zipOf,
} from "./test-support/word-fixtures";
import { LEAVE_OUT } from "./word-import-input";

let secretariat: SessionUser;
let jamaica: SessionUser;
let ids: { jam: string; can: string; observer: string };

async function sessionOf(email: string): Promise<SessionUser> {
  const user = await prisma.user.findUniqueOrThrow({ where: { email } });
  return (await findSessionUser(user.id)) as SessionUser;
}

/** A new instrument with no chapter yet, in which Jamaica and Canada negotiate and Larkspur observes. */
async function emptyInstrument(slug: string): Promise<string> {
  const demo = await prisma.instrument.findFirstOrThrow({ where: { slug: { not: { startsWith: "import-" } } } });
  const { instrumentId } = await createInstrument(secretariat, {
    instrumentId: demo.id,
    title: `Imported draft ${slug}`,
    shortTitle: "Imported",
    slug,
  });
  await prisma.participant.createMany({
    data: [
      { instrumentId, organizationId: ids.jam, role: "DELEGATE" },
      { instrumentId, organizationId: ids.can, role: "DELEGATE" },
      { instrumentId, organizationId: ids.observer, role: "OBSERVER" },
    ],
  });
  return instrumentId;
}

async function modelOf(clauseId: string) {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, (await loadClauseState(clauseId)) as Uint8Array);
  return readClause(doc);
}

function itemText(item: ListItem): string {
  const first = item.blocks[0];
  return first.type === "paragraph"
    ? first.inlines.map((inline) => (inline.type === "text" ? inline.text : "\n")).join("")
    : "";
}

async function leftBehind(instrumentId: string) {
  return {
    chapters: await prisma.chapter.count({ where: { instrumentId } }),
    clauses: await prisma.clause.count({ where: { instrumentId } }),
    audit: await prisma.auditEvent.count({ where: { instrumentId, action: "instrument.word-imported" } }),
  };
}

async function refusalOf(work: Promise<unknown>): Promise<AppError> {
  const error = await work.then(
    () => null,
    (failure: unknown) => failure,
  );
  if (!(error instanceof AppError)) throw new Error(`expected a refusal, got ${String(error)}`);
  return error;
}

beforeAll(async () => {
  await seedIfEmpty(prisma);
  secretariat = await sessionOf("secretariat@clausework.demo");
  jamaica = await sessionOf("jamaica@clausework.demo");
  const code = async (c: string) => (await prisma.organization.findUniqueOrThrow({ where: { code: c } })).id;
  ids = { jam: await code("JAM"), can: await code("CAN"), observer: await code("LARKSPUR") };
});

describe("importing a Word draft", () => {
  it("previews the draft and offers the instrument's delegations for its authors", async () => {
    const instrumentId = await emptyInstrument("import-preview");
    const preview = await previewWordDraft(secretariat, {
      instrumentId,
      file: await draftConvention(),
      fileName: "d.docx",
    });
    expect(preview.authors.map((a) => a.name)).toEqual([CANADA_AUTHOR, KENYA_AUTHOR]);
    const offered = Object.fromEntries(preview.delegations.map((d) => [d.code, [d.maySuggest, d.mayComment]]));
    // The observer may comment only if the instrument lets observers comment (it does by default).
    expect(offered).toMatchObject({ JAM: [true, true], CAN: [true, true], CHAIR: [true, true] });
    expect(offered.LARKSPUR?.[0]).toBe(false);
    expect(await leftBehind(instrumentId)).toEqual({ chapters: 0, clauses: 0, audit: 0 });
  });

  it("writes chapters, clauses, numbered paragraphs, the delegations' proposals and the threads, in one go", async () => {
    const instrumentId = await emptyInstrument("import-whole");
    const result = await importWordDraft(secretariat, {
      instrumentId,
      file: await draftConvention(),
      fileName: "Draft convention.docx",
      authors: { [KENYA_AUTHOR]: ids.jam, [CANADA_AUTHOR]: ids.can },
    });
    expect(result).toMatchObject({ proposals: 3, threads: 2, comments: 3 });
    const chapters = await prisma.chapter.findMany({
      where: { instrumentId },
      orderBy: { position: "asc" },
      include: { clauses: { orderBy: { position: "asc" } } },
    });
    expect(
      chapters.map((c) => [c.number, c.title, c.clauses.map((clause) => `${clause.number}. ${clause.title}`)]),
    ).toEqual([
      ["I", "General provisions", ["1. Statement of purpose", "2. Use of terms"]],
      ["II", "Protection of victims", ["6. Assistance to victims"]],
    ]);
    const [first, second] = chapters[0].clauses;

    // The text, read through the clause model: numbered paragraphs at their levels and formats.
    const model = await modelOf(first.id);
    const list = model.blocks[0] as Extract<Block, { type: "orderedList" }>;
    expect(list).toMatchObject({ type: "orderedList", start: 1, numbering: null });
    expect(list.items).toHaveLength(3);
    const letters = list.items[1].blocks[1] as Extract<Block, { type: "orderedList" }>;
    expect(letters.numbering).toBe("a");
    expect(letters.items.map(itemText)).toEqual([
      "with full respect for their human rights;",
      "and where appropriatein every case with their consent.",
    ]);
    const romans = letters.items[1].blocks[1] as Extract<Block, { type: "orderedList" }>;
    expect(romans.numbering).toBe("i");
    expect(itemText(romans.items[0])).toBe("including their families.");
    const bold = list.items[1].blocks[0];
    expect(bold.type === "paragraph" && bold.inlines[0].type === "text" && bold.inlines[0].formatting).toEqual([
      "bold",
    ]);
    // The agreed text leaves the proposals out; the stored search text is the model's.
    const document = await prisma.clauseDocument.findUniqueOrThrow({ where: { clauseId: first.id } });
    expect(document.plainText).toBe(clausePlainText(model));

    // The proposals, through the proposals list: each the mapped delegation's.
    const proposals = await listClauseProposals(first.id);
    expect(proposals.map((p) => [p.kind, p.delegation.code, p.insertedText, p.deletedText, p.status])).toEqual([
      ["INSERTION", "JAM", ", paying particular attention to women and children", "", "OPEN"],
      ["REPLACEMENT", "CAN", "in every case", "where appropriate", "OPEN"],
    ]);
    expect(proposals[0].author.id).toBe(secretariat.id);
    expect(proposals[0].proposedAt).toBe("2026-11-03T10:00:00.000Z");
    expect((await listClauseProposals(second.id)).map((p) => [p.kind, p.delegation.code, p.deletedText])).toEqual([
      ["DELETION", "JAM", " by force"],
    ]);

    // The threads, through the comments list: on their words, with the reply; the other resolved.
    const [thread] = await listThreads(secretariat, { clauseId: first.id });
    expect(thread).toMatchObject({ quote: "prevent and combat", detached: false, resolved: null });
    expect(thread.author.organizationCode).toBe("CAN");
    expect(thread.comments.map((c) => [c.body, c.author.organizationCode])).toEqual([
      ["Should this cover online exploitation?", "CAN"],
      ["Yes, see the Budapest language.", "JAM"],
    ]);
    expect(anchoredThreadIds(model).has(thread.id)).toBe(true);
    const [resolved] = await listThreads(secretariat, { clauseId: second.id });
    expect(resolved.resolved).not.toBeNull();
    expect(resolved.quote).toBe("For the purposes of this Convention:");

    const audit = await prisma.auditEvent.findFirstOrThrow({
      where: { instrumentId, action: "instrument.word-imported" },
    });
    expect(audit.details).toMatchObject({ clauses: 3, proposals: 3, threads: 2 });
  });

  it("leaves an author's changes out as if rejected, when the secretariat says so", async () => {
    const instrumentId = await emptyInstrument("import-leave-out");
    const result = await importWordDraft(secretariat, {
      instrumentId,
      file: await draftConvention(),
      authors: { [KENYA_AUTHOR]: LEAVE_OUT, [CANADA_AUTHOR]: ids.can },
    });
    expect(result).toMatchObject({ proposals: 1, threads: 1 });
    const clause = await prisma.clause.findFirstOrThrow({ where: { instrumentId, number: "1" } });
    const text = clausePlainText(await modelOf(clause.id));
    expect(text).not.toContain("paying particular attention");
  });

  it("keeps the statuses the exports print: the clause's, and each agreed paragraph's", async () => {
    const instrumentId = await emptyInstrument("import-statuses");
    const result = await importWordDraft(secretariat, { instrumentId, file: await withStatuses() });
    const clause = await prisma.clause.findUniqueOrThrow({
      where: { id: result.clauses[0].id },
      include: { progress: true },
    });
    expect(clause.status).toBe("AGREED_AD_REF");
    const list = (await modelOf(clause.id)).blocks[0] as Extract<Block, { type: "orderedList" }>;
    expect(list.items.map((item) => [itemText(item), item.status])).toEqual([
      ["States Parties shall cooperate.", "AGREED_AD_REF"],
      ["They shall exchange information [as appropriate].", "AGREED"],
      ["They shall report.", "OPEN"],
    ]);
    expect(clause.progress).toMatchObject({ paragraphs: 3, agreed: 1, adRef: 1 });
  });

  it("refuses, and stores nothing, when an author is not mapped, a delegation may not propose, or it fails half-way", async () => {
    const instrumentId = await emptyInstrument("import-refused");
    const file = await draftConvention();
    const unmapped = await refusalOf(
      importWordDraft(secretariat, { instrumentId, file, authors: { [KENYA_AUTHOR]: ids.jam } }),
    );
    expect(unmapped.message).toContain(`Choose the delegation of “${CANADA_AUTHOR}”`);
    const observer = await refusalOf(
      importWordDraft(secretariat, {
        instrumentId,
        file,
        authors: { [KENYA_AUTHOR]: ids.observer, [CANADA_AUTHOR]: ids.can },
      }),
    );
    expect(observer.message).toMatch(/may not propose wording/);
    // The comment is refused after the chapter and clause were written: they go with it.
    const halfWay = await refusalOf(
      importWordDraft(secretariat, {
        instrumentId,
        file: await overlongComment(),
        authors: { [KENYA_AUTHOR]: ids.jam },
      }),
    );
    expect(halfWay.message).toMatch(/longer than 10,000 characters/);
    const broken = await refusalOf(
      importWordDraft(secretariat, { instrumentId, file: new TextEncoder().encode("not a docx"), authors: {} }),
    );
    expect(broken.code).toBe("invalid_input");
    expect(await leftBehind(instrumentId)).toEqual({ chapters: 0, clauses: 0, audit: 0 });
    expect(await prisma.proposal.count({ where: { clause: { instrumentId } } })).toBe(0);
  });

  it("is the secretariat's: a delegation may neither preview nor import", async () => {
    const instrumentId = await emptyInstrument("import-delegate");
    const file = await draftConvention();
    expect((await refusalOf(previewWordDraft(jamaica, { instrumentId, file }))).code).toBe("forbidden");
    expect((await refusalOf(importWordDraft(jamaica, { instrumentId, file, authors: {} }))).code).toBe("forbidden");
  });

  it("reads the mapping for exactly the authors named: an author called “constructor”, another instrument's delegation", async () => {
    const instrumentId = await emptyInstrument("import-odd-authors");
    const heading = `<w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t>Article 1. Scope</w:t></w:r></w:p>`;
    const change = `<w:ins w:id="1" w:author="constructor" w:date="2026-11-03T10:00:00Z"><w:r><w:t> in good faith</w:t></w:r></w:ins>`;
    const file = zipOf({
      "word/document.xml": documentXml(`${heading}<w:p><w:r><w:t>States Parties shall act</w:t></w:r>${change}</w:p>`),
    });
    // Not mapped: said so, not read from what every object inherits.
    const unmapped = await refusalOf(importWordDraft(secretariat, { instrumentId, file, authors: {} }));
    expect(unmapped.message).toContain("Choose the delegation of “constructor”");
    const australia = await prisma.organization.findUniqueOrThrow({ where: { code: "AUS" } });
    const elsewhere = await refusalOf(
      importWordDraft(secretariat, { instrumentId, file, authors: { constructor: australia.id } }),
    );
    expect(elsewhere.message).toMatch(/does not take part in this instrument/);
    expect(await leftBehind(instrumentId)).toEqual({ chapters: 0, clauses: 0, audit: 0 });
    const imported = await importWordDraft(secretariat, { instrumentId, file, authors: { constructor: ids.can } });
    expect(imported.proposals).toBe(1);
  });
});
