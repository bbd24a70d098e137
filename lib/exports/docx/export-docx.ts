// The export as a Word document (.docx), written with the `docx` library: a first page naming
// the instrument, the version (or "current text") and the date; then each chapter (Heading 1)
// and article (Heading 2) with its text in the export's variant (clause-section.ts). Pure: the
// content comes in already read and stripped of what the person may not see.
import { Document, HeadingLevel, Packer, PageBreak, Paragraph, TextRun } from "docx";
import { type ExportContent, VARIANT_NOTES } from "../export-document";
import { clauseSection } from "./clause-section";
import { DocxWriter } from "./docx-writer";
import { numberingConfig } from "./numbering";
import { markResolvedThreads } from "./resolved-threads";
import { EXPORT_NOTE, EXPORT_STYLES } from "./styles";
import { withoutNonXmlCharacters } from "./xml-characters";

const day = (date: Date) => date.toISOString().slice(0, 10);
const minute = (date: Date) => `${date.toISOString().replace("T", " ").slice(0, 16)} UTC`;

function firstPage(content: ExportContent): Paragraph[] {
  const line = (text: string) => new Paragraph({ style: EXPORT_NOTE, children: [new TextRun(text)] });
  const reading = content.reading
    ? `Version “${content.reading.name}”, saved ${minute(content.reading.savedAt)}`
    : `Current text, ${day(content.exportedAt)}`;
  return [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(content.title)] }),
    line(reading),
    ...(content.since
      ? [line(`Changes since the version “${content.since.name}” of ${minute(content.since.savedAt)}`)]
      : []),
    line(VARIANT_NOTES[content.variant]),
    line(`Exported ${minute(content.exportedAt)} by ${content.exportedBy}.`),
    new Paragraph({ style: EXPORT_NOTE, children: [new PageBreak()] }),
  ];
}

export async function exportDocx(content: ExportContent): Promise<Uint8Array> {
  const writer = new DocxWriter(content.variant, content.reading?.savedAt ?? content.exportedAt);
  const body = content.chapters.flatMap((chapter) => [
    new Paragraph({
      heading: HeadingLevel.HEADING_1,
      children: [new TextRun(`Chapter ${chapter.number}. ${chapter.title}`)],
    }),
    ...chapter.clauses.flatMap((clause) => clauseSection(clause, writer)),
  ]);
  const document = new Document({
    title: content.title,
    creator: content.exportedBy,
    description: VARIANT_NOTES[content.variant],
    // Edits made in Word to a text with tracked changes are tracked too.
    features: { trackRevisions: content.variant !== "clean" },
    styles: EXPORT_STYLES,
    numbering: { config: numberingConfig() },
    comments: { children: writer.comments },
    footnotes: writer.footnotes,
    sections: [{ children: [...firstPage(content), ...body] }],
  });
  return withoutNonXmlCharacters(markResolvedThreads(await Packer.toBuffer(document), writer.comments));
}
