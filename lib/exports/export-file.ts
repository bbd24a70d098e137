// An export's content as the file handed out: its name ("<instrument>-with-proposals.docx"),
// its type and its bytes, in the format asked for.
import type { Download } from "@/lib/doors/download-door";
import { type AknIdentity, aknDocument } from "./akn/akn-document";
import { exportDocx } from "./docx/export-docx";
import { type ExportContent, exportHtml, exportText } from "./export-document";
import type { ExportFormat, ExportVariant } from "./export-variant";

const SUFFIX: Record<ExportVariant, string> = { clean: "clean", proposals: "with-proposals", changes: "changes" };
const EXTENSION: Record<ExportFormat, string> = { html: "html", text: "txt", docx: "docx", akn: "akn.xml" };
const CONTENT_TYPE: Record<ExportFormat, string> = {
  html: "text/html; charset=utf-8",
  text: "text/plain; charset=utf-8",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  akn: "application/akn+xml; charset=utf-8",
};

/** `name`: what the file is of (the instrument's slug, "-article-14" added for a clause). */
export function exportFileName(name: string, variant: ExportVariant, format: ExportFormat): string {
  const safe = name.toLowerCase().replace(/[^a-z0-9-]+/g, "-") || "instrument";
  return `${safe}-${SUFFIX[variant]}.${EXTENSION[format]}`;
}

/** `identity`: where the file sits among the instrument's texts (Akoma Ntoso's FRBR names). */
export async function exportFile(
  content: ExportContent,
  format: ExportFormat,
  name: string,
  identity: AknIdentity,
): Promise<Download> {
  const body =
    format === "docx"
      ? await exportDocx(content)
      : format === "akn"
        ? aknDocument(content, identity)
        : format === "html"
          ? exportHtml(content)
          : exportText(content);
  return { fileName: exportFileName(name, content.variant, format), contentType: CONTENT_TYPE[format], body };
}
