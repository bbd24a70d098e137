import "server-only";
// The secretariat adds a clause (an article) at the end of a chapter. It starts open and empty.
import { z } from "zod";
import { auditedTransaction } from "@/lib/audit/audited-transaction";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { lockUntilCommit } from "@/lib/db/advisory-lock";
import { instrumentDoor } from "@/lib/doors/instrument-door";
import { zId, zText, zTopics } from "./fields";
import { chapterIn } from "./find-in-instrument";

export const ZCreateClause = z.object({
  instrumentId: zId("The instrument"),
  chapterId: zId("The chapter"),
  number: zText("The article number", 20),
  title: zText("The article title", 300),
  topics: zTopics.default([]),
});

export const createClause = instrumentDoor(
  "clause.manage",
  ZCreateClause,
  async ({ user }, { instrumentId, chapterId, number, title, topics }) =>
    auditedTransaction(async (tx) => {
      await chapterIn(tx, instrumentId, chapterId);
      await lockUntilCommit(tx, { kind: "chapter-order", chapterId });
      const last = await tx.clause.findFirst({ where: { chapterId }, orderBy: { position: "desc" } });
      const clause = await tx.clause.create({
        data: { instrumentId, chapterId, number, title, topics, position: (last?.position ?? -1) + 1 },
        select: { id: true },
      });
      await recordAuditEvent(tx, {
        action: "clause.created",
        actor: user,
        instrumentId,
        target: { type: "clause", id: clause.id },
        details: { number, title, topics },
      });
      return { clauseId: clause.id };
    }),
);
