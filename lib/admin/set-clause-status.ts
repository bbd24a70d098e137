import "server-only";
// The chair records where a clause stands: open, agreed ad referendum, or agreed.
import { z } from "zod";
import { auditedTransaction } from "@/lib/audit/audited-transaction";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { announceClauseEvent } from "@/lib/collab/announce-clause-event";
import { instrumentDoor } from "@/lib/doors/instrument-door";
import { zClauseStatus, zId } from "./fields";
import { clauseIn } from "./find-in-instrument";

export const ZSetClauseStatus = z.object({
  instrumentId: zId("The instrument"),
  clauseId: zId("The clause"),
  status: zClauseStatus,
});

export const setClauseStatus = instrumentDoor(
  "clause.manage",
  ZSetClauseStatus,
  async ({ user }, { instrumentId, clauseId, status }) => {
    const changed = await auditedTransaction(async (tx) => {
      const before = await clauseIn(tx, instrumentId, clauseId);
      if (before.status === status) return false;
      await tx.clause.update({ where: { id: clauseId }, data: { status } });
      await recordAuditEvent(tx, {
        action: "clause.status-changed",
        actor: user,
        instrumentId,
        target: { type: "clause", id: clauseId },
        details: { number: before.number, from: before.status, to: status },
      });
      return true;
    });
    if (changed) announceClauseEvent(clauseId, { type: "clause.status-changed", status });
    return { clauseId, status, changed };
  },
);
