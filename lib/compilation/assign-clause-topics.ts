// The chair puts a clause into the compilations of some of the instrument's topics (and takes it
// out of the others): the whole set is sent, so the answer is what the clause now belongs to.
// Topics of another instrument are refused. Audited.
import { z } from "zod";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { SessionUser } from "@/lib/auth/session-user";
import { clauseContext, requireCan } from "@/lib/clauses/clause-context";
import { inTransaction, type Tx } from "@/lib/commands/in-transaction";
import { parseInput } from "@/lib/commands/parse-input";
import { AppError } from "@/lib/errors/app-error";

export const ZAssignClauseTopics = z.object({
  clauseId: z.string(),
  topicIds: z.array(z.uuid("Not a topic."), { message: "Send the list of topics." }).max(50, "Too many topics."),
});
export type TAssignClauseTopics = z.infer<typeof ZAssignClauseTopics>;

export async function assignClauseTopics(by: SessionUser, input: TAssignClauseTopics, tx?: Tx) {
  const { clauseId, topicIds } = parseInput(ZAssignClauseTopics, input);
  const ctx = await clauseContext(by, clauseId);
  requireCan(ctx.actor, "clause.manage", ctx.target);
  const wanted = [...new Set(topicIds)];
  return inTransaction(tx, async (tx) => {
    const topics = await tx.topic.findMany({
      where: { id: { in: wanted }, instrumentId: ctx.clause.instrumentId },
      select: { id: true, slug: true },
    });
    if (topics.length !== wanted.length) throw new AppError("invalid_input", "Choose topics of this instrument.");
    const before = await tx.clauseTopic.findMany({
      where: { clauseId: ctx.clause.id },
      select: { topic: { select: { slug: true } } },
    });
    await tx.clauseTopic.deleteMany({ where: { clauseId: ctx.clause.id } });
    await tx.clauseTopic.createMany({ data: wanted.map((topicId) => ({ clauseId: ctx.clause.id, topicId })) });
    const slugs = topics.map((t) => t.slug).sort();
    await recordAuditEvent(tx, {
      action: "clause.topics-assigned",
      actor: by,
      instrumentId: ctx.clause.instrumentId,
      target: { type: "clause", id: ctx.clause.id },
      details: { from: before.map((row) => row.topic.slug).sort(), to: slugs },
    });
    return { topics: slugs };
  });
}
