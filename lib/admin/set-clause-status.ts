// The chair records where a clause stands: open, agreed ad referendum, or agreed.
import { z } from "zod";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { SessionUser } from "@/lib/auth/session-user";
import { announceClauseMessage } from "@/lib/clauses/clause-messages-server";
import { afterCommit, inTransaction, type Tx } from "@/lib/commands/in-transaction";
import { parseInput } from "@/lib/commands/parse-input";
import { forgetClauseStanding } from "@/lib/paragraph-status/clause-standing";
import { answerRequestsOnReopen } from "@/lib/paragraph-status/reopen-requests";
import { recordClauseVersion, STATUS_VERSION_NAME } from "@/lib/readings/record-clause-version";
import { zClauseStatus, zId } from "./fields";
import { clauseIn } from "./find-in-instrument";
import { requireInstrumentRight } from "./instrument-rights";

export const ZSetClauseStatus = z.object({
  instrumentId: zId("The instrument"),
  clauseId: zId("The clause"),
  status: zClauseStatus,
});
export type TSetClauseStatus = z.infer<typeof ZSetClauseStatus>;

export async function setClauseStatus(by: SessionUser, raw: TSetClauseStatus, tx?: Tx) {
  const { instrumentId, clauseId, status } = parseInput(ZSetClauseStatus, raw);
  return inTransaction(tx, async (tx) => {
    await requireInstrumentRight(tx, by, instrumentId, "clause.manage");
    const before = await clauseIn(tx, instrumentId, clauseId);
    if (before.status === status) return { clauseId, status, changed: false };
    await tx.clause.update({ where: { id: clauseId }, data: { status } });
    await recordClauseVersion(tx, {
      clauseId,
      name: STATUS_VERSION_NAME[status],
      trigger: "STATUS_CHANGED",
      madeById: by.id,
    });
    await recordAuditEvent(tx, {
      action: "clause.status-changed",
      actor: by,
      instrumentId,
      target: { type: "clause", id: clauseId },
      details: { number: before.number, from: before.status, to: status },
    });
    // Reopening the clause answers the delegations that asked for it (lib/paragraph-status).
    if (status === "OPEN") await answerRequestsOnReopen(tx, { clauseId, paragraph: null, by });
    afterCommit(tx, () => {
      forgetClauseStanding(clauseId);
      announceClauseMessage(clauseId, { type: "clause.status-changed", status });
    });
    return { clauseId, status, changed: true };
  });
}
