// Word files for the import's tests, made with the `docx` library as Word would write them:
// heading styles, real numbering (numbering.xml), tracked insertions and deletions with their
// authors and dates, and comments with replies and a resolved thread (commentsExtended.xml).
import {
  AlignmentType,
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  DeletedTextRun,
  Document,
  HeadingLevel,
  InsertedTextRun,
  LevelFormat,
  Packer,
  Paragraph,
  TextRun,
} from "docx";
import { zipSync } from "fflate";

export const KENYA_AUTHOR = "Wanjiru Kamau";
export const CANADA_AUTHOR = "Pierre Tremblay";
export const DATE = "2026-11-03T10:00:00Z";

const numbering = {
  config: [
    {
      reference: "paragraphs",
      levels: [
        { level: 0, format: LevelFormat.DECIMAL, text: "%1.", alignment: AlignmentType.START },
        { level: 1, format: LevelFormat.LOWER_LETTER, text: "(%2)", alignment: AlignmentType.START },
        { level: 2, format: LevelFormat.LOWER_ROMAN, text: "(%3)", alignment: AlignmentType.START },
      ],
    },
  ],
};

/** A numbered paragraph of an article (each article restarts its numbering: its own instance). */
function numbered(
  article: number,
  level: number,
  children: (TextRun | InsertedTextRun | DeletedTextRun | CommentRangeStart | CommentRangeEnd)[],
) {
  return new Paragraph({ numbering: { reference: "paragraphs", level, instance: article }, children });
}

const commentMark = (id: number) => new TextRun({ children: [new CommentReference(id)] });

/** Two chapters, three articles, numbered paragraphs on three levels, tracked changes and comments. */
export async function draftConvention(): Promise<Uint8Array> {
  const document = new Document({
    numbering,
    comments: {
      children: [
        {
          id: 0,
          author: CANADA_AUTHOR,
          date: new Date(DATE),
          children: [new Paragraph("Should this cover online exploitation?")],
        },
        {
          id: 1,
          author: KENYA_AUTHOR,
          date: new Date("2026-11-03T11:00:00Z"),
          parentId: 0,
          children: [new Paragraph("Yes, see the Budapest language.")],
        },
        {
          id: 2,
          author: KENYA_AUTHOR,
          date: new Date(DATE),
          resolved: true,
          children: [new Paragraph("Settled in informals.")],
        },
      ],
    },
    sections: [
      {
        children: [
          new Paragraph({ text: "Draft convention against trafficking", heading: HeadingLevel.TITLE }),
          new Paragraph({ text: "Chapter I. General provisions", heading: HeadingLevel.HEADING_1 }),
          new Paragraph({ text: "Article 1. Statement of purpose", heading: HeadingLevel.HEADING_2 }),
          numbered(1, 0, [
            new TextRun("The purposes of this Convention are to "),
            new CommentRangeStart(0),
            new TextRun("prevent and combat"),
            new CommentRangeEnd(0),
            commentMark(0),
            new TextRun(" trafficking in persons"),
            new InsertedTextRun({
              text: ", paying particular attention to women and children",
              id: 10,
              author: KENYA_AUTHOR,
              date: DATE,
            }),
            new TextRun(";"),
          ]),
          numbered(1, 0, [new TextRun({ text: "To protect and assist the victims", bold: true }), new TextRun(":")]),
          numbered(1, 1, [new TextRun("with full respect for their human rights;")]),
          numbered(1, 1, [
            new TextRun("and "),
            new DeletedTextRun({ text: "where appropriate", id: 11, author: CANADA_AUTHOR, date: DATE }),
            new InsertedTextRun({ text: "in every case", id: 12, author: CANADA_AUTHOR, date: DATE }),
            new TextRun(" with their consent."),
          ]),
          numbered(1, 2, [new TextRun("including their families.")]),
          numbered(1, 0, [new TextRun("To promote cooperation among States Parties.")]),
          new Paragraph({ text: "Article 2. Use of terms", heading: HeadingLevel.HEADING_2 }),
          new Paragraph({
            children: [
              new CommentRangeStart(2),
              new TextRun("For the purposes of this Convention:"),
              new CommentRangeEnd(2),
              commentMark(2),
            ],
          }),
          numbered(2, 0, [
            new TextRun("“Trafficking in persons” shall mean the recruitment of persons"),
            new DeletedTextRun({ text: " by force", id: 13, author: KENYA_AUTHOR, date: DATE }),
            new TextRun("."),
          ]),
          new Paragraph({ text: "Chapter II. Protection of victims", heading: HeadingLevel.HEADING_1 }),
          new Paragraph({ text: "Article 6. Assistance to victims", heading: HeadingLevel.HEADING_2 }),
          numbered(6, 0, [new TextRun("Each State Party shall protect the privacy of victims.")]),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

/** A document whose articles are plain lines ("Article 1", its title under it), with no chapters. */
export async function plainArticles(): Promise<Uint8Array> {
  const document = new Document({
    sections: [
      {
        children: [
          new Paragraph("A rolling text, as circulated"),
          new Paragraph("Article 1"),
          new Paragraph("Objective"),
          new Paragraph("The objective of this Agreement is to ensure conservation."),
          new Paragraph("Article 2 — Scope"),
          new Paragraph("Article 1 of the Convention applies to areas beyond national jurisdiction."),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

/** One article, and a comment longer than a comment may be: refused once the clause is written. */
export async function overlongComment(): Promise<Uint8Array> {
  const document = new Document({
    comments: {
      children: [{ id: 0, author: KENYA_AUTHOR, date: new Date(DATE), children: [new Paragraph("x".repeat(10_001))] }],
    },
    sections: [
      {
        children: [
          new Paragraph({ text: "Article 1. Purpose", heading: HeadingLevel.HEADING_2 }),
          new Paragraph({
            children: [new CommentRangeStart(0), new TextRun("The purpose."), new CommentRangeEnd(0), commentMark(0)],
          }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

/** Statuses as the exports print them: "Status: …" under an article's heading, "[agreed ad ref]" after a paragraph. */
export async function withStatuses(): Promise<Uint8Array> {
  const document = new Document({
    numbering,
    sections: [
      {
        children: [
          new Paragraph({ text: "Article 9. Cooperation", heading: HeadingLevel.HEADING_2 }),
          new Paragraph({ children: [new TextRun({ text: "Status: Agreed ad referendum", italics: true })] }),
          numbered(9, 0, [
            new TextRun("States Parties shall cooperate."),
            new TextRun({ text: " [agreed ad ref]", italics: true }),
          ]),
          numbered(9, 0, [new TextRun("They shall exchange information [as appropriate]. [agreed]")]),
          numbered(9, 0, [new TextRun("They shall report.")]),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

/** Headings numbered by Word itself ("Chapter %1", "Article %1" on the heading styles): their words are the titles. */
export async function numberedHeadings(): Promise<Uint8Array> {
  const document = new Document({
    numbering: {
      config: [
        {
          reference: "chapters",
          levels: [{ level: 0, format: LevelFormat.UPPER_ROMAN, text: "Chapter %1.", alignment: AlignmentType.START }],
        },
        {
          reference: "articles",
          levels: [
            { level: 0, format: LevelFormat.DECIMAL, text: "Article %1.", start: 3, alignment: AlignmentType.START },
          ],
        },
      ],
    },
    sections: [
      {
        children: [
          new Paragraph({
            text: "Final provisions",
            heading: HeadingLevel.HEADING_1,
            numbering: { reference: "chapters", level: 0 },
          }),
          new Paragraph({
            text: "Signature",
            heading: HeadingLevel.HEADING_2,
            numbering: { reference: "articles", level: 0 },
          }),
          new Paragraph("This Convention shall be open for signature."),
          new Paragraph({
            text: "Ratification",
            heading: HeadingLevel.HEADING_2,
            numbering: { reference: "articles", level: 0 },
          }),
          new Paragraph("This Convention is subject to ratification."),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

/** A Word document with paragraphs but no heading and no article line. */
export async function noStructure(): Promise<Uint8Array> {
  const document = new Document({
    sections: [
      { children: [new Paragraph("Minutes of the meeting."), new Paragraph("The room agreed to meet again.")] },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

/** A zip of the given parts (text), stored or deflated. */
export function zipOf(parts: Record<string, string | Uint8Array>, level: 0 | 1 | 9 = 9): Uint8Array {
  return zipSync(
    Object.fromEntries(
      Object.entries(parts).map(([name, content]) => [
        name,
        typeof content === "string" ? new TextEncoder().encode(content) : content,
      ]),
    ),
    { level },
  );
}

/** word/document.xml with these body elements. */
export function documentXml(body: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`;
}
