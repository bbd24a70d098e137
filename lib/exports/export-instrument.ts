import "server-only";
// Export of an instrument's draft for delegations to print or file: everyone who sees the
// instrument may export what they see, and every export is written to the audit trail (who,
// which instrument, which format and variant, how many clauses) before the file is handed out.
import { z } from "zod";
import { zId } from "@/lib/admin/fields";
import { auditedTransaction } from "@/lib/audit/audited-transaction";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { instrumentDoor } from "@/lib/doors/instrument-door";
import type { Download } from "@/lib/doors/request-input";
import { clauseForExport } from "./clause-for-export";
import { type ExportContent, exportHtml, exportText } from "./export-document";
import { EXPORT_FORMATS, EXPORT_VARIANTS } from "./export-variant";
import { loadExportClauses } from "./load-export-clauses";

export const ZExportInstrument = z
  .object({
    instrumentId: zId("The instrument"),
    format: z.enum(EXPORT_FORMATS, { message: "Choose a format: html or text." }).default("html"),
    variant: z.enum(EXPORT_VARIANTS, { message: "Choose a variant: clean or proposals." }).default("clean"),
  })
  .refine((input) => input.format === "html" || input.variant === "clean", {
    message: "Plain text holds the clean variant only; proposals need the HTML export.",
  });

function fileName(slug: string, variant: string, format: string): string {
  const safe = slug.toLowerCase().replace(/[^a-z0-9-]+/g, "-") || "instrument";
  return `${safe}-${variant === "clean" ? "clean" : "with-proposals"}.${format === "html" ? "html" : "txt"}`;
}

export const exportInstrument = instrumentDoor(
  "instrument.export",
  ZExportInstrument,
  async ({ user, actor, instrument }, { format, variant }): Promise<Download> => {
    const chapters = await loadExportClauses(actor, instrument.id);
    const content: ExportContent = {
      title: instrument.title,
      variant,
      exportedAt: new Date(),
      exportedBy: `${user.name} (${user.organizationName})`,
      chapters: chapters.map((chapter) => ({
        number: chapter.number,
        title: chapter.title,
        clauses: chapter.clauses.map((clause) => ({
          number: clause.number,
          title: clause.title,
          status: clause.status,
          text: clauseForExport(clause.state, variant),
        })),
      })),
    };
    const body = format === "html" ? exportHtml(content) : exportText(content);
    const clauses = chapters.reduce((sum, chapter) => sum + chapter.clauses.length, 0);
    await auditedTransaction((tx) =>
      recordAuditEvent(tx, {
        action: "instrument.exported",
        actor: user,
        instrumentId: instrument.id,
        target: { type: "instrument", id: instrument.id },
        details: { format, variant, clauses },
      }),
    );
    return {
      fileName: fileName(instrument.slug, variant, format),
      contentType: format === "html" ? "text/html; charset=utf-8" : "text/plain; charset=utf-8",
      body,
    };
  },
);
