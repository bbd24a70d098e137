// The export's look, and what makes its headings headings: Heading 1 (chapters) and Heading 2
// (articles) carry outline levels, so Word's navigation pane and LibreOffice list them as the
// document's outline, not as large bold paragraphs. What the export adds around the text — the
// first page's lines, an article's status, the brackets removed since — is in the style
// "Export note", so a reader of the file (a person, or an import) tells it from the text itself.
import type { IStylesOptions } from "docx";

const FONT = "Times New Roman";

/** The style of every paragraph the export adds that is not the instrument's text. */
export const EXPORT_NOTE = "ExportNote";

export const EXPORT_STYLES: IStylesOptions = {
  default: {
    document: { run: { font: FONT, size: 24 }, paragraph: { spacing: { after: 120 } } },
    title: { run: { font: FONT, size: 36, bold: true }, paragraph: { spacing: { after: 240 } } },
    heading1: {
      run: { font: FONT, size: 28, bold: true, allCaps: true },
      paragraph: { outlineLevel: 0, keepNext: true, spacing: { before: 480, after: 240 } },
    },
    heading2: {
      run: { font: FONT, size: 24, bold: true },
      paragraph: { outlineLevel: 1, keepNext: true, spacing: { before: 360, after: 120 } },
    },
  },
  paragraphStyles: [
    {
      id: EXPORT_NOTE,
      name: "Export note",
      basedOn: "Normal",
      next: "Normal",
      run: { font: FONT, size: 20, italics: true, color: "444444" },
    },
  ],
};
