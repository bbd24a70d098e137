// The secretariat saves an article's panel at once: its number, title and topics, its status
// and who it is restricted to — one form, one Save. Each part that changed is the command of
// its own (with its own audit entry and its own message to open clause rooms), all in one
// transaction: either everything is saved or nothing is. Parts left as they were record nothing.
import { z } from "zod";
import type { SessionUser } from "@/lib/auth/session-user";
import { inTransaction, type Tx } from "@/lib/commands/in-transaction";
import { parseInput } from "@/lib/commands/parse-input";
import { zClauseStatus, zId, zOrganizationIds, zText, zTopics } from "./fields";
import { clauseIn } from "./find-in-instrument";
import { requireInstrumentRight } from "./instrument-rights";
import { restrictClause } from "./restrict-clause";
import { setClauseStatus } from "./set-clause-status";
import { updateClause } from "./update-clause";

export const ZSaveArticle = z.object({
  instrumentId: zId("The instrument"),
  clauseId: zId("The clause"),
  number: zText("The article number", 20),
  title: zText("The article title", 300),
  topics: zTopics.default([]),
  status: zClauseStatus,
  organizationIds: zOrganizationIds,
});
export type TSaveArticle = z.infer<typeof ZSaveArticle>;

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((value) => b.includes(value));

export async function saveArticle(by: SessionUser, raw: TSaveArticle, tx?: Tx) {
  const input = parseInput(ZSaveArticle, raw);
  const { instrumentId, clauseId } = input;
  return inTransaction(tx, async (tx) => {
    await requireInstrumentRight(tx, by, instrumentId, "clause.manage");
    const before = await clauseIn(tx, instrumentId, clauseId);
    const restrictedTo = (await tx.clauseRestriction.findMany({ where: { clauseId } })).map((r) => r.organizationId);
    const changed: string[] = [];
    if (
      before.number !== input.number ||
      before.title !== input.title ||
      before.topics.join("\n") !== input.topics.join("\n")
    ) {
      await updateClause(
        by,
        { instrumentId, clauseId, number: input.number, title: input.title, topics: input.topics },
        tx,
      );
      changed.push("text");
    }
    if (before.status !== input.status) {
      await setClauseStatus(by, { instrumentId, clauseId, status: input.status }, tx);
      changed.push("status");
    }
    if (!sameSet(restrictedTo, input.organizationIds)) {
      await restrictClause(by, { instrumentId, clauseId, organizationIds: input.organizationIds }, tx);
      changed.push("restriction");
    }
    return { clauseId, changed };
  });
}
