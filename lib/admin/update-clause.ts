import "server-only";
// The secretariat renumbers or retitles a clause, or changes its topics.
import { z } from "zod";
import { auditedTransaction } from "@/lib/audit/audited-transaction";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { announceClauseEvent } from "@/lib/collab/announce-clause-event";
import { instrumentDoor } from "@/lib/doors/instrument-door";
import { zId, zText, zTopics } from "./fields";
import { clauseIn } from "./find-in-instrument";

export const ZUpdateClause = z.object({
  instrumentId: zId("The instrument"),
  clauseId: zId("The clause"),
  number: zText("The article number", 20),
  title: zText("The article title", 300),
  topics: zTopics.default([]),
});

export const updateClause = instrumentDoor(
  "clause.manage",
  ZUpdateClause,
  async ({ user }, { instrumentId, clauseId, number, title, topics }) => {
    await auditedTransaction(async (tx) => {
      const before = await clauseIn(tx, instrumentId, clauseId);
      await tx.clause.update({ where: { id: clauseId }, data: { number, title, topics } });
      await recordAuditEvent(tx, {
        action: "clause.updated",
        actor: user,
        instrumentId,
        target: { type: "clause", id: clauseId },
        details: { number, title, topics, wasNumber: before.number, wasTitle: before.title },
      });
    });
    announceClauseEvent(clauseId, { type: "clause.updated" });
    return { clauseId };
  },
);
