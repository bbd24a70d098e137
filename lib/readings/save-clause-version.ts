// The chair saves a named version of a clause ("after the first reading"), with an optional note.
import { z } from "zod";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { SessionUser } from "@/lib/auth/session-user";
import { clauseContext, requireCan } from "@/lib/clauses/clause-context";
import { inTransaction, type Tx } from "@/lib/commands/in-transaction";
import { parseInput } from "@/lib/commands/parse-input";
import { zVersionName, zVersionNote } from "./fields";
import { recordClauseVersion } from "./record-clause-version";

export const ZSaveClauseVersion = z.object({ clauseId: z.string(), name: zVersionName, note: zVersionNote });
export type TSaveClauseVersion = z.infer<typeof ZSaveClauseVersion>;

export async function saveClauseVersion(by: SessionUser, raw: TSaveClauseVersion, tx?: Tx) {
  const { clauseId, name, note } = parseInput(ZSaveClauseVersion, raw);
  const ctx = await clauseContext(by, clauseId);
  requireCan(ctx.actor, "reading.save", ctx.target);
  return inTransaction(tx, async (tx) => {
    const version = await recordClauseVersion(tx, { clauseId, name, note, trigger: "SAVED", madeById: by.id });
    await recordAuditEvent(tx, {
      action: "clause.version-saved",
      actor: by,
      instrumentId: ctx.clause.instrumentId,
      target: { type: "clause", id: clauseId },
      details: { version: version.id, name },
    });
    return { versionId: version.id, name: version.name, createdAt: version.createdAt.toISOString() };
  });
}
