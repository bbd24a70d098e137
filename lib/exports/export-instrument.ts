import "server-only";
// Export of an instrument's draft — or of one chapter (`chapter`), of now or of a saved version
// (`version`) — for delegations to print, file or send to their capitals: everyone who sees the
// instrument may export what they see, and every export is written to the audit trail (who,
// which instrument, which format and variant, how many clauses, which versions) before the file
// is handed out. Someone whose organisation does not take part gets "not found"; a participant
// whose role does not allow exporting gets "not allowed"; a version or chapter they cannot see
// is "not found" too, and nothing is recorded for any refusal.
import { z } from "zod";
import { zId } from "@/lib/admin/fields";
import { auditedTransaction } from "@/lib/audit/audited-transaction";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { SessionUser } from "@/lib/auth/session-user";
import { parseInput } from "@/lib/commands/parse-input";
import type { Download } from "@/lib/doors/download-door";
import { AppError } from "@/lib/errors/app-error";
import { NOT_ALLOWED, NOT_FOUND } from "@/lib/errors/messages";
import { findInstrumentAccess } from "@/lib/instruments/find-instrument-access";
import { can } from "@/lib/permissions/can";
import { type ChapterToExport, exportContent } from "./export-content";
import { exportFile } from "./export-file";
import { checkExportQuery, exportQuery } from "./export-input";
import { instrumentVersion } from "./export-readings";
import { loadExportClauses } from "./load-export-clauses";

export const ZExportInstrument = z
  .object({
    instrumentId: zId("The instrument"),
    ...exportQuery,
    chapter: z.uuid("The chapter is not valid.").optional(),
  })
  .superRefine(checkExportQuery);

export async function exportInstrument(user: SessionUser, input: z.input<typeof ZExportInstrument>): Promise<Download> {
  const { instrumentId, format, variant, version, since, chapter } = parseInput(ZExportInstrument, input);
  const access = await findInstrumentAccess(user, instrumentId);
  if (!access || !can(access.actor, "instrument.view")) throw new AppError("not_found", NOT_FOUND);
  if (!can(access.actor, "instrument.export")) throw new AppError("forbidden", NOT_ALLOWED);
  const { actor, instrument } = access;
  const visible = await loadExportClauses(actor, instrument.id);
  const seen = new Set(visible.map((c) => c.id));
  if (chapter && !seen.has(chapter)) throw new AppError("not_found", "This instrument has no such chapter.");
  const of = version ? await instrumentVersion(instrument.id, version, seen) : null;
  const from = since ? await instrumentVersion(instrument.id, since, seen) : null;
  // The changes since a chapter's version are that chapter's.
  const only = chapter ?? from?.chapterId ?? null;
  // Of a version: the clauses it holds (a chapter's version holds that chapter's), as they were then.
  const chapters: ChapterToExport[] = visible
    .filter((c) => !only || c.id === only)
    .map((c) => ({
      number: c.number,
      title: c.title,
      clauses: c.clauses.flatMap((clause) => {
        if (!of) return [clause];
        const then = of.clauses.get(clause.id);
        return then ? [{ ...clause, state: then.state, status: then.status }] : [];
      }),
    }))
    .filter((c) => !of || c.clauses.length > 0);
  const content = await exportContent({
    instrumentId: instrument.id,
    title: instrument.title,
    exportedBy: `${user.name} (${user.organizationName})`,
    variant,
    chapters,
    reading: of && { name: of.name, savedAt: of.savedAt },
    since: from && {
      name: from.name,
      savedAt: from.savedAt,
      clauses: new Map([...from.clauses].map(([id, saved]) => [id, saved.reading])),
    },
  });
  const file = await exportFile(content, format, instrument.slug, {
    instrumentSlug: instrument.slug,
    instrumentCreatedAt: instrument.createdAt,
    scope: { kind: "instrument" },
    ...(of ? { version: { id: of.id, name: of.name, savedAt: of.savedAt } } : {}),
  });
  const clauses = chapters.reduce((sum, c) => sum + c.clauses.length, 0);
  await auditedTransaction((tx) =>
    recordAuditEvent(tx, {
      action: "instrument.exported",
      actor: user,
      instrumentId: instrument.id,
      target: only ? { type: "chapter", id: only } : { type: "instrument", id: instrument.id },
      details: {
        format,
        variant,
        clauses,
        ...(of ? { version: of.name } : {}),
        ...(from ? { since: from.name } : {}),
      },
    }),
  );
  return file;
}
