import "server-only";
// Export of an instrument's draft for delegations to print or file: everyone who sees the
// instrument may export what they see, and every export is written to the audit trail (who,
// which instrument, which format and variant, how many clauses) before the file is handed out.
// Someone whose organisation does not take part gets "not found"; a participant whose role does
// not allow exporting gets "not allowed".
import { z } from "zod";
import { zId } from "@/lib/admin/fields";
import { alternativeWordingsOf, openAlternativeSets } from "@/lib/alternatives/alternative-sets";
import { auditedTransaction } from "@/lib/audit/audited-transaction";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { SessionUser } from "@/lib/auth/session-user";
import { parseInput } from "@/lib/commands/parse-input";
import type { Download } from "@/lib/doors/download-door";
import { AppError } from "@/lib/errors/app-error";
import { NOT_ALLOWED, NOT_FOUND } from "@/lib/errors/messages";
import { findInstrumentAccess } from "@/lib/instruments/find-instrument-access";
import { can } from "@/lib/permissions/can";
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

export async function exportInstrument(user: SessionUser, input: z.input<typeof ZExportInstrument>): Promise<Download> {
  const { instrumentId, format, variant } = parseInput(ZExportInstrument, input);
  const access = await findInstrumentAccess(user, instrumentId);
  if (!access || !can(access.actor, "instrument.view")) throw new AppError("not_found", NOT_FOUND);
  if (!can(access.actor, "instrument.export")) throw new AppError("forbidden", NOT_ALLOWED);
  const { actor, instrument } = access;
  const chapters = await loadExportClauses(actor, instrument.id);
  const wordings = alternativeWordingsOf(
    await openAlternativeSets(chapters.flatMap((chapter) => chapter.clauses.map((clause) => clause.id))),
  );
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
        alternatives: wordings,
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
}
