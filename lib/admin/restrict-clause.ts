import "server-only";
// Informal consultations: the chair restricts a clause to a few organisations. To everyone else
// it stops existing at once — open sockets of outsiders are closed (announceAccessChange).
// An empty list lifts the restriction.
import { z } from "zod";
import { announceAccessChange } from "@/lib/access/announce-access-change";
import { auditedTransaction } from "@/lib/audit/audited-transaction";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { instrumentDoor } from "@/lib/doors/instrument-door";
import { zId, zOrganizationIds } from "./fields";
import { clauseIn, participantsIn } from "./find-in-instrument";

export const ZRestrictClause = z.object({
  instrumentId: zId("The instrument"),
  clauseId: zId("The clause"),
  organizationIds: zOrganizationIds,
});

export const restrictClause = instrumentDoor(
  "clause.manage",
  ZRestrictClause,
  async ({ user }, { instrumentId, clauseId, organizationIds }) => {
    await auditedTransaction(async (tx) => {
      const clause = await clauseIn(tx, instrumentId, clauseId);
      const participants = await participantsIn(tx, instrumentId, organizationIds);
      await tx.clauseRestriction.deleteMany({ where: { clauseId } });
      await tx.clauseRestriction.createMany({
        data: organizationIds.map((organizationId) => ({ clauseId, organizationId })),
      });
      await recordAuditEvent(tx, {
        action: organizationIds.length > 0 ? "clause.restricted" : "clause.restriction-lifted",
        actor: user,
        instrumentId,
        target: { type: "clause", id: clauseId },
        details: { number: clause.number, organizations: participants.map((p) => p.organization.code).sort() },
      });
    });
    announceAccessChange({ clauseId });
    return { clauseId, restrictedTo: organizationIds };
  },
);
