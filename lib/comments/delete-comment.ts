// The author deletes their own comment. It keeps its place in the thread as a "comment
// deleted" marker (its words are erased), so the replies around it still read right.
import { z } from "zod";
import type { SessionUser } from "@/lib/auth/session-user";
import { clauseContext, requireCan } from "@/lib/clauses/clause-context";
import { announceClauseMessage } from "@/lib/clauses/clause-messages-server";
import { afterCommit, inTransaction, type Tx } from "@/lib/commands/in-transaction";
import { findComment } from "./find-thread";
import { THREAD_INCLUDE, type ThreadView } from "./thread-view";
import { viewThread } from "./view-threads";

export const ZDeleteComment = z.object({ clauseId: z.string(), threadId: z.string(), commentId: z.string() });
export type TDeleteComment = z.infer<typeof ZDeleteComment>;

export async function deleteComment(by: SessionUser, input: TDeleteComment, tx?: Tx): Promise<ThreadView> {
  const ctx = await clauseContext(by, input.clauseId);
  return inTransaction(tx, async (tx) => {
    const { comment } = await findComment(ctx, input.threadId, input.commentId, tx);
    requireCan(ctx.actor, "comment.delete", { authorId: comment.authorId });
    if (!comment.deletedAt) {
      await tx.comment.update({ where: { id: comment.id }, data: { body: "", deletedAt: new Date() } });
      // Nobody should be sent to read words that are gone.
      await tx.notification.deleteMany({ where: { commentId: comment.id } });
    }
    const thread = await tx.commentThread.update({
      where: { id: comment.threadId },
      data: { updatedAt: new Date() },
      include: THREAD_INCLUDE,
    });
    afterCommit(tx, () => announceClauseMessage(ctx.clause.id, { type: "thread.changed", threadId: thread.id }));
    return viewThread(thread, ctx, tx);
  });
}
