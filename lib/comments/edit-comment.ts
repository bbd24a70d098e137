// The author rewrites their own comment; it is then shown as edited. People newly mentioned
// by the edit are told; those already told are not told again.
import { z } from "zod";
import type { SessionUser } from "@/lib/auth/session-user";
import { clauseContext, requireCan } from "@/lib/clauses/clause-context";
import { announceClauseMessage } from "@/lib/clauses/clause-messages-server";
import { afterCommit, inTransaction, type Tx } from "@/lib/commands/in-transaction";
import { parseInput } from "@/lib/commands/parse-input";
import { AppError } from "@/lib/errors/app-error";
import { ZCommentBody } from "./comment-body";
import { findComment } from "./find-thread";
import { notifyComment } from "./notify-comment";
import { THREAD_INCLUDE, type ThreadView } from "./thread-view";
import { viewThread } from "./view-threads";

export const ZEditComment = z.object({
  clauseId: z.string(),
  threadId: z.string(),
  commentId: z.string(),
  body: ZCommentBody,
});
export type TEditComment = z.infer<typeof ZEditComment>;

export async function editComment(by: SessionUser, input: TEditComment, tx?: Tx): Promise<ThreadView> {
  const { clauseId, threadId, commentId, body } = parseInput(ZEditComment, input);
  const ctx = await clauseContext(by, clauseId);
  return inTransaction(tx, async (tx) => {
    const { comment } = await findComment(ctx, threadId, commentId, tx);
    requireCan(ctx.actor, "comment.edit", { authorId: comment.authorId });
    if (comment.deletedAt) throw new AppError("invalid_input", "This comment was deleted.");
    if (comment.body === body) {
      const unchanged = await tx.commentThread.findUniqueOrThrow({ where: { id: threadId }, include: THREAD_INCLUDE });
      return viewThread(unchanged, ctx, tx);
    }
    const edited = await tx.comment.update({ where: { id: comment.id }, data: { body, editedAt: new Date() } });
    await notifyComment(tx, ctx.clause, edited, { notifyThreadParticipants: false });
    const thread = await tx.commentThread.update({
      where: { id: comment.threadId },
      data: { updatedAt: new Date() },
      include: THREAD_INCLUDE,
    });
    afterCommit(tx, () => announceClauseMessage(ctx.clause.id, { type: "thread.changed", threadId: thread.id }));
    return viewThread(thread, ctx, tx);
  });
}
