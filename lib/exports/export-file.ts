// An export's content as the file handed out: its name ("<instrument>-with-proposals.docx"),
// its type and its bytes, in the format asked for.
import type { Download } from "@/lib/doors/download-door";
import { exportDocx } from "./docx/export-docx";
import { type ExportContent, exportHtml, exportText } from "./export-document";
import type { ExportFormat, ExportVariant } from "./export-variant";

const SUFFIX: Record<ExportVariant, string> = { clean: "clean", proposals: "with-proposals", changes: "changes" };
const EXTENSION: Record<ExportFormat, string> = { html: "html", text: "txt", docx: "docx" };
const CONTENT_TYPE: Record<ExportFormat, string> = {
  html: "text/html; charset=utf-8",
  text: "text/plain; charset=utf-8",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
};

/** `name`: what the file is of (the instrument's slug, "-article-14" added for a clause). */
export function exportFileName(name: string, variant: ExportVariant, format: ExportFormat): string {
  const safe = name.toLowerCase().replace(/[^a-z0-9-]+/g, "-") || "instrument";
  return `${safe}-${SUFFIX[variant]}.${EXTENSION[format]}`;
}

export async function exportFile(content: ExportContent, format: ExportFormat, name: string): Promise<Download> {
  const body =
    format === "docx" ? await exportDocx(content) : format === "html" ? exportHtml(content) : exportText(content);
  return { fileName: exportFileName(name, content.variant, format), contentType: CONTENT_TYPE[format], body };
}
