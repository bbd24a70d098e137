// Informal consultations: the chair restricts a clause to a few organisations. To everyone else
// it stops existing at once — open sockets of outsiders are closed (announceAccessChange).
// An empty list lifts the restriction.
import { z } from "zod";
import { announceAccessChange } from "@/lib/access/announce-access-change";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { SessionUser } from "@/lib/auth/session-user";
import { afterCommit, inTransaction, type Tx } from "@/lib/commands/in-transaction";
import { parseInput } from "@/lib/commands/parse-input";
import { zId, zOrganizationIds } from "./fields";
import { clauseIn, participantsIn } from "./find-in-instrument";
import { requireInstrumentRight } from "./instrument-rights";

export const ZRestrictClause = z.object({
  instrumentId: zId("The instrument"),
  clauseId: zId("The clause"),
  organizationIds: zOrganizationIds,
});
export type TRestrictClause = z.infer<typeof ZRestrictClause>;

export async function restrictClause(by: SessionUser, raw: TRestrictClause, tx?: Tx) {
  const { instrumentId, clauseId, organizationIds } = parseInput(ZRestrictClause, raw);
  return inTransaction(tx, async (tx) => {
    await requireInstrumentRight(tx, by, instrumentId, "clause.manage");
    const clause = await clauseIn(tx, instrumentId, clauseId);
    const participants = await participantsIn(tx, instrumentId, organizationIds);
    await tx.clauseRestriction.deleteMany({ where: { clauseId } });
    await tx.clauseRestriction.createMany({
      data: organizationIds.map((organizationId) => ({ clauseId, organizationId })),
    });
    await recordAuditEvent(tx, {
      action: organizationIds.length > 0 ? "clause.restricted" : "clause.restriction-lifted",
      actor: by,
      instrumentId,
      target: { type: "clause", id: clauseId },
      details: { number: clause.number, organizations: participants.map((p) => p.organization.code).sort() },
    });
    afterCommit(tx, () => announceAccessChange({ clauseId }));
    return { clauseId, restrictedTo: organizationIds };
  });
}
