// The Word reader on real .docx files made with the `docx` library (headings, numbering.xml,
// tracked changes, comments with replies and resolution) and on hand-made zips that are not
// usable drafts: each refused with its own message.
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { DOCX_LIMITS } from "./docx-limits";
import { paragraphNumbers, previewDraft } from "./draft-preview";
import type { DraftParagraph } from "./outline-draft";
import { readDocx } from "./read-docx";
import {
  CANADA_AUTHOR,
  DATE,
  documentXml,
  draftConvention,
  KENYA_AUTHOR,
  noStructure,
  numberedHeadings,
  plainArticles,
  withStatuses,
  zipOf,
} from "./test-support/word-fixtures";

function refusal(read: () => unknown): AppError {
  try {
    read();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("the file was read, not refused");
}

const article = (number: string) =>
  `<w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t>Article ${number}. Scope</w:t></w:r></w:p>`;

describe("reading a Word draft", () => {
  it("finds chapters and articles from heading styles, and keeps numbered paragraphs with their level and format", async () => {
    const preview = previewDraft(readDocx(await draftConvention()));
    expect(preview.chapters.map((c) => [c.number, c.title, c.articles.map((a) => `${a.number} ${a.title}`)])).toEqual([
      ["I", "General provisions", ["1 Statement of purpose", "2 Use of terms"]],
      ["II", "Protection of victims", ["6 Assistance to victims"]],
    ]);
    const first = preview.chapters[0].articles[0].paragraphs;
    expect(first.map((p) => [p.label, p.level])).toEqual([
      ["1.", 0],
      ["2.", 0],
      ["(a)", 1],
      ["(b)", 1],
      ["(i)", 2],
      ["3.", 0],
    ]);
    expect(first[0].firstWords).toBe("The purposes of this Convention are to prevent and combat trafficking in …");
    // A paragraph without Word numbering stays unnumbered; the next article's numbering restarts.
    expect(preview.chapters[0].articles[1].paragraphs.map((p) => p.label)).toEqual([null, "1."]);
    // The title page is not an article.
    expect(preview.leftOut).toEqual({ paragraphs: 1, tables: 0, comments: 0 });
  });

  it("lists tracked changes by author, a deletion next to an insertion being one replacement", async () => {
    const { changes, authors } = previewDraft(readDocx(await draftConvention()));
    expect(changes).toEqual([
      {
        author: KENYA_AUTHOR,
        date: DATE,
        kind: "INSERTION",
        insertedText: ", paying particular attention to women and children",
        deletedText: "",
        article: "Article 1",
      },
      {
        author: CANADA_AUTHOR,
        date: DATE,
        kind: "REPLACEMENT",
        insertedText: "in every case",
        deletedText: "where appropriate",
        article: "Article 1",
      },
      {
        author: KENYA_AUTHOR,
        date: DATE,
        kind: "DELETION",
        insertedText: "",
        deletedText: " by force",
        article: "Article 2",
      },
    ]);
    expect(authors).toEqual([
      { name: CANADA_AUTHOR, changes: 1, comments: 1 },
      { name: KENYA_AUTHOR, changes: 2, comments: 2 },
    ]);
  });

  it("reads comments as threads on their words, with replies (commentsExtended) and the resolved state", async () => {
    const { threads } = previewDraft(readDocx(await draftConvention()));
    expect(threads).toHaveLength(2);
    expect(threads[0]).toMatchObject({
      author: CANADA_AUTHOR,
      text: "Should this cover online exploitation?",
      article: "Article 1",
      quote: "prevent and combat",
      resolved: false,
      replies: [{ author: KENYA_AUTHOR, text: "Yes, see the Budapest language." }],
    });
    expect(threads[1]).toMatchObject({ article: "Article 2", resolved: true, replies: [] });
  });

  it("finds articles written as lines of their own, with the title on the next line, in a chapter of their own", async () => {
    const preview = previewDraft(readDocx(await plainArticles(), "Rolling text.docx"));
    expect(preview.chapters).toHaveLength(1);
    expect(preview.chapters[0]).toMatchObject({ number: "I", added: true });
    expect(preview.chapters[0].articles.map((a) => [a.number, a.title])).toEqual([
      ["1", "Objective"],
      ["2", "Scope"],
    ]);
    // A sentence that begins "Article 1 of the Convention" is text, not a heading.
    expect(preview.chapters[0].articles[1].paragraphs[0].firstWords).toMatch(/^Article 1 of the Convention/);
  });
});

it("reads the statuses the exports print: the article's under its heading, a paragraph's tag after its words", async () => {
  const [article] = previewDraft(readDocx(await withStatuses())).chapters[0].articles;
  expect(article.status).toBe("AGREED_AD_REF");
  expect(article.paragraphs.map((p) => [p.label, p.firstWords, p.status])).toEqual([
    ["1.", "States Parties shall cooperate.", "AGREED_AD_REF"],
    ["2.", "They shall exchange information [as appropriate].", "AGREED"],
    ["3.", "They shall report.", null],
  ]);
});

it("numbers headings as Word numbers them when the number comes from Word's numbering", async () => {
  const [chapter] = previewDraft(readDocx(await numberedHeadings())).chapters;
  expect([chapter.number, chapter.title]).toEqual(["I", "Final provisions"]);
  expect(chapter.articles.map((a) => [a.number, a.title])).toEqual([
    ["3", "Signature"],
    ["4", "Ratification"],
  ]);
});

it("drops words one author inserted and another deleted (or the reverse): Word leaves them out whether all is accepted or rejected", () => {
  const change = (kind: "ins" | "del", author: string, inner: string) =>
    `<w:${kind} w:id="${author}" w:author="${author}" w:date="${DATE}">${inner}</w:${kind}>`;
  const words = (text: string) => `<w:r><w:t>${text}</w:t></w:r>`;
  const deleted = (text: string) => `<w:r><w:delText>${text}</w:delText></w:r>`;
  const paragraph = `<w:p>${words("States Parties shall ")}${change("ins", "A", `${words("act ")}${change("del", "B", deleted("never "))}`)}${change("del", "C", `${deleted("at once")}${change("ins", "D", words("nowhere"))}`)}</w:p>`;
  const preview = previewDraft(readDocx(zipOf({ "word/document.xml": documentXml(`${article("1")}${paragraph}`) })));
  const text = JSON.stringify(preview);
  expect(text).not.toMatch(/never|nowhere/);
  expect(preview.changes.map((c) => [c.author, c.insertedText, c.deletedText])).toEqual([
    ["A", "act ", ""],
    ["C", "", "at once"],
  ]);
});

describe("refusing what is not a usable Word draft", () => {
  it("refuses a file that is not a zip", () => {
    const error = refusal(() => readDocx(new TextEncoder().encode("Dear colleagues, please find the draft attached.")));
    expect(error.code).toBe("invalid_input");
    expect(error.message).toMatch(/not a Word document/);
  });

  it("refuses an encrypted Word file (an OLE2 compound file)", () => {
    const ole2 = new Uint8Array(4096);
    ole2.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(refusal(() => readDocx(ole2)).message).toMatch(/encrypted/);
  });

  it("refuses a zip without word/document.xml", () => {
    const zip = zipOf({ "notes.txt": "not a draft" });
    expect(refusal(() => readDocx(zip)).message).toMatch(/no word\/document\.xml/);
  });

  it("refuses a damaged zip and damaged XML", () => {
    const zip = zipOf({ "word/document.xml": documentXml(article("1")) });
    expect(refusal(() => readDocx(zip.subarray(0, zip.length - 30))).message).toMatch(/not a Word document|damaged/);
    const broken = zipOf({ "word/document.xml": documentXml(`${article("1")}<w:p><w:r><w:t>unclosed`) });
    expect(refusal(() => readDocx(broken)).message).toMatch(/damaged/);
  });

  it("stops a zip bomb at the limit instead of inflating it", () => {
    // 100 MB of zeros inflate from about 100 KB: more than the import reads.
    const bomb = zipOf({ "word/document.xml": new Uint8Array(100 * 1024 * 1024) }, 1);
    expect(bomb.length).toBeLessThan(DOCX_LIMITS.fileBytes);
    const error = refusal(() => readDocx(bomb));
    expect(error.code).toBe("too_large");
    expect(error.message).toMatch(/unpacks to more than 16 MB/);
  });

  it("refuses a file over the size limit, entities, and nesting deeper than the limit", () => {
    expect(refusal(() => readDocx(new Uint8Array(DOCX_LIMITS.fileBytes + 1))).code).toBe("too_large");
    const entities = zipOf({
      "word/document.xml": `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaa">]>${documentXml(article("1")).replace(/^<\?xml[^>]*\?>/, "")}`,
    });
    expect(refusal(() => readDocx(entities)).message).toMatch(/entities/);
    const deep = `${"<w:sdt><w:sdtContent>".repeat(100)}${article("1")}${"</w:sdtContent></w:sdt>".repeat(100)}`;
    expect(refusal(() => readDocx(zipOf({ "word/document.xml": documentXml(deep) }))).message).toMatch(/nests deeper/);
  });

  it("counts nesting hidden behind attribute values that look like the end of a tag", () => {
    // `w:x="/>"` must not make an opening tag read as one that closes itself.
    const hidden = `${"<w:sdt w:x=\"/>\"><w:sdtContent w:y='/>'>".repeat(100)}${article("1")}${"</w:sdtContent></w:sdt>".repeat(100)}`;
    expect(refusal(() => readDocx(zipOf({ "word/document.xml": documentXml(hidden) }))).message).toMatch(
      /nests deeper/,
    );
  });

  it("keeps characters a reader cannot see, and control characters, out of the clause's words", () => {
    // As the collaboration server refuses them when typed (lib/clause-model/invisible-characters.ts).
    const words = "Sta&#1;tes\u202E Parties\u200B shall\uFFFE act&#x7F;&#xD800;.";
    const zip = zipOf({ "word/document.xml": documentXml(`${article("1")}<w:p><w:r><w:t>${words}</w:t></w:r></w:p>`) });
    const [paragraph] = previewDraft(readDocx(zip)).chapters[0].articles[0].paragraphs;
    expect(paragraph.firstWords).toBe("States Parties shall act.");
  });

  it("refuses more comments than the limit", () => {
    const comments = Array.from(
      { length: DOCX_LIMITS.comments + 1 },
      (_, id) => `<w:comment w:id="${id}" w:author="A"><w:p><w:r><w:t>c</w:t></w:r></w:p></w:comment>`,
    ).join("");
    const zip = zipOf({
      "word/document.xml": documentXml(article("1")),
      "word/comments.xml": `<w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${comments}</w:comments>`,
    });
    expect(refusal(() => readDocx(zip)).message).toMatch(/comments; the import takes at most 5000/);
  });

  it("refuses more articles than the limit", () => {
    const articles = Array.from({ length: DOCX_LIMITS.articles + 1 }, (_, n) => article(String(n + 1))).join("");
    expect(refusal(() => readDocx(zipOf({ "word/document.xml": documentXml(articles) }))).message).toMatch(
      /1001 articles; the import takes at most 1000/,
    );
  });

  it("refuses a Word document in which no article can be found", async () => {
    const minutes = await noStructure();
    expect(refusal(() => readDocx(minutes)).message).toMatch(/No articles were found/);
    const error = refusal(() =>
      readDocx(zipOf({ "word/document.xml": documentXml("<w:p><w:r><w:t>Minutes</w:t></w:r></w:p>") })),
    );
    expect(error.message).toMatch(/No articles were found/);
  });
});

it("counts Word's numbering in time proportional to the paragraphs, however many lists they belong to", () => {
  // Each paragraph in a numbering instance of its own: counting once looked at every list seen so far.
  const paragraphs: DraftParagraph[] = Array.from({ length: DOCX_LIMITS.paragraphs }, (_, n) => ({
    numbering: { format: "decimal", level: n % 9, numId: String(n), start: 1 },
    runs: [],
    status: null,
  }));
  for (const level of [1, 1, 0, 1])
    paragraphs.push({ numbering: { format: "decimal", level, numId: "7", start: 1 }, runs: [], status: null });
  const started = performance.now();
  const numbers = paragraphNumbers(paragraphs, new Map());
  expect(performance.now() - started).toBeLessThan(2_000);
  // A higher level restarts the lower ones, as Word counts.
  expect(numbers.slice(-4)).toEqual([1, 2, 1, 1]);
});
