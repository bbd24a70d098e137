// The secretariat takes a term out of the glossary; the audit entry keeps what it said.
import { z } from "zod";
import { zId } from "@/lib/admin/fields";
import { requireInstrumentRight } from "@/lib/admin/instrument-rights";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { SessionUser } from "@/lib/auth/session-user";
import { inTransaction, type Tx } from "@/lib/commands/in-transaction";
import { parseInput } from "@/lib/commands/parse-input";
import { AppError } from "@/lib/errors/app-error";
import { NOT_FOUND } from "@/lib/errors/messages";

export const ZRemoveGlossaryTerm = z.object({ instrumentId: zId("The instrument"), termId: zId("The term") });
export type TRemoveGlossaryTerm = z.infer<typeof ZRemoveGlossaryTerm>;

export async function removeGlossaryTerm(by: SessionUser, raw: TRemoveGlossaryTerm, tx?: Tx) {
  const { instrumentId, termId } = parseInput(ZRemoveGlossaryTerm, raw);
  return inTransaction(tx, async (tx) => {
    await requireInstrumentRight(tx, by, instrumentId, "glossary.manage");
    const before = await tx.glossaryTerm.findFirst({ where: { id: termId, instrumentId } });
    if (!before) throw new AppError("not_found", NOT_FOUND);
    await tx.glossaryTerm.delete({ where: { id: termId } });
    await recordAuditEvent(tx, {
      action: "glossary.term-removed",
      actor: by,
      instrumentId,
      target: { type: "glossary-term", id: termId },
      details: { term: before.term, preferred: before.preferred, rationale: before.rationale, source: before.source },
    });
    return { termId };
  });
}
