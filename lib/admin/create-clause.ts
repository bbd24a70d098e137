// The secretariat adds a clause (an article) at the end of a chapter. It starts open and empty.
import { z } from "zod";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { SessionUser } from "@/lib/auth/session-user";
import { inTransaction, type Tx } from "@/lib/commands/in-transaction";
import { parseInput } from "@/lib/commands/parse-input";
import { lockUntilCommit } from "@/lib/db/advisory-lock";
import { raiseOutlineChanged } from "@/lib/live/raise-live";
import { zId, zText, zTopics } from "./fields";
import { chapterIn } from "./find-in-instrument";
import { requireInstrumentRight } from "./instrument-rights";

export const ZCreateClause = z.object({
  instrumentId: zId("The instrument"),
  chapterId: zId("The chapter"),
  number: zText("The article number", 20),
  title: zText("The article title", 300),
  topics: zTopics.default([]),
});
export type TCreateClause = z.infer<typeof ZCreateClause>;

export async function createClause(by: SessionUser, raw: TCreateClause, tx?: Tx) {
  const { instrumentId, chapterId, number, title, topics } = parseInput(ZCreateClause, raw);
  return inTransaction(tx, async (tx) => {
    await requireInstrumentRight(tx, by, instrumentId, "clause.manage");
    await chapterIn(tx, instrumentId, chapterId);
    await lockUntilCommit(tx, { kind: "chapter-order", chapterId });
    const last = await tx.clause.findFirst({ where: { chapterId }, orderBy: { position: "desc" } });
    const clause = await tx.clause.create({
      data: { instrumentId, chapterId, number, title, topics, position: (last?.position ?? -1) + 1 },
      select: { id: true },
    });
    await recordAuditEvent(tx, {
      action: "clause.created",
      actor: by,
      instrumentId,
      target: { type: "clause", id: clause.id },
      details: { number, title, topics },
    });
    raiseOutlineChanged(tx, instrumentId);
    return { clauseId: clause.id };
  });
}
