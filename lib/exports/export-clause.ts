import "server-only";
// Export of one clause — of now or of one of its saved versions (`version`), in any variant —
// behind the same rule as the instrument's export: a clause the person may not see (restricted
// away from them, or of an instrument they are not in) is "not found", and a role that may not
// export is "not allowed". Audited as an export of the instrument, naming the clause.
import { z } from "zod";
import { auditedTransaction } from "@/lib/audit/audited-transaction";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { SessionUser } from "@/lib/auth/session-user";
import { requireCan } from "@/lib/clauses/clause-context";
import { findClauseAccess } from "@/lib/clauses/find-clause-access";
import { loadClauseState } from "@/lib/collab/clause-store";
import { parseInput } from "@/lib/commands/parse-input";
import type { Download } from "@/lib/doors/download-door";
import { AppError } from "@/lib/errors/app-error";
import { NOT_FOUND } from "@/lib/errors/messages";
import { exportContent } from "./export-content";
import { exportFile } from "./export-file";
import { checkExportQuery, exportQuery } from "./export-input";
import { clauseVersion } from "./export-readings";

export const ZExportClause = z
  .object({ clauseId: z.string({ message: "The clause is not valid." }), ...exportQuery })
  .superRefine(checkExportQuery);

export async function exportClause(user: SessionUser, input: z.input<typeof ZExportClause>): Promise<Download> {
  const { clauseId, format, variant, version, since } = parseInput(ZExportClause, input);
  const access = await findClauseAccess(user, clauseId);
  if (!access) throw new AppError("not_found", NOT_FOUND);
  requireCan(access.actor, "instrument.export");
  const { clause } = access;
  const of = version ? await clauseVersion(clause.id, version) : null;
  const from = since ? await clauseVersion(clause.id, since) : null;
  const then = of?.clauses.get(clause.id);
  const content = await exportContent({
    instrumentId: clause.instrumentId,
    title: clause.instrument.title,
    exportedBy: `${user.name} (${user.organizationName})`,
    variant,
    chapters: [
      {
        number: clause.chapter.number,
        title: clause.chapter.title,
        clauses: [
          {
            id: clause.id,
            number: clause.number,
            title: clause.title,
            status: then?.status ?? clause.status,
            state: then ? then.state : await loadClauseState(clause.id),
          },
        ],
      },
    ],
    reading: of && { name: of.name, savedAt: of.savedAt },
    since: from && {
      name: from.name,
      savedAt: from.savedAt,
      clauses: new Map([...from.clauses].map(([id, saved]) => [id, saved.reading])),
    },
  });
  const file = await exportFile(content, format, `${clause.instrument.slug}-article-${clause.number}`, {
    instrumentSlug: clause.instrument.slug,
    instrumentCreatedAt: clause.instrument.createdAt,
    scope: { kind: "clause", number: clause.number },
    ...(of ? { version: { id: of.id, name: of.name, savedAt: of.savedAt } } : {}),
  });
  await auditedTransaction((tx) =>
    recordAuditEvent(tx, {
      action: "instrument.exported",
      actor: user,
      instrumentId: clause.instrumentId,
      target: { type: "clause", id: clause.id },
      details: {
        format,
        variant,
        clauses: 1,
        ...(of ? { version: of.name } : {}),
        ...(from ? { since: from.name } : {}),
      },
    }),
  );
  return file;
}
