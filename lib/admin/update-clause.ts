// The secretariat renumbers or retitles a clause, or changes its topics.
import { z } from "zod";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { SessionUser } from "@/lib/auth/session-user";
import { announceClauseMessage } from "@/lib/clauses/clause-messages-server";
import { afterCommit, inTransaction, type Tx } from "@/lib/commands/in-transaction";
import { parseInput } from "@/lib/commands/parse-input";
import { zId, zText, zTopics } from "./fields";
import { clauseIn } from "./find-in-instrument";
import { requireInstrumentRight } from "./instrument-rights";

export const ZUpdateClause = z.object({
  instrumentId: zId("The instrument"),
  clauseId: zId("The clause"),
  number: zText("The article number", 20),
  title: zText("The article title", 300),
  topics: zTopics.default([]),
});
export type TUpdateClause = z.infer<typeof ZUpdateClause>;

export async function updateClause(by: SessionUser, raw: TUpdateClause, tx?: Tx) {
  const { instrumentId, clauseId, number, title, topics } = parseInput(ZUpdateClause, raw);
  return inTransaction(tx, async (tx) => {
    await requireInstrumentRight(tx, by, instrumentId, "clause.manage");
    const before = await clauseIn(tx, instrumentId, clauseId);
    await tx.clause.update({ where: { id: clauseId }, data: { number, title, topics } });
    await recordAuditEvent(tx, {
      action: "clause.updated",
      actor: by,
      instrumentId,
      target: { type: "clause", id: clauseId },
      details: { number, title, topics, wasNumber: before.number, wasTitle: before.title },
    });
    afterCommit(tx, () => announceClauseMessage(clauseId, { type: "clause.updated" }));
    return { clauseId };
  });
}
