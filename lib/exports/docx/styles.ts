// The export's look, and what makes its headings headings: Heading 1 (chapters) and Heading 2
// (articles) carry outline levels, so Word's navigation pane and LibreOffice list them as the
// document's outline, not as large bold paragraphs.
import type { IStylesOptions } from "docx";

const FONT = "Times New Roman";

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
};
