// The author rewrites their own comment; it is then shown as edited. People newly mentioned
// by the edit are told; those already told are not told again.
import { z } from "zod";
import { announceClauseEvent } from "@/lib/collab/announce-clause-event";
import { prisma } from "@/lib/db/prisma";
import { DoorRefusal } from "@/lib/doors/door-result";
import { ZCommentBody } from "./comment-body";
import { type CommentContext, requireCan } from "./comment-context";
import { findComment } from "./find-thread";
import { notifyComment } from "./notify-comment";
import { THREAD_INCLUDE, type ThreadView } from "./thread-view";
import { viewThread } from "./view-threads";

export const ZEditComment = z.object({ body: ZCommentBody });

export async function editComment(
  ctx: CommentContext,
  threadId: string,
  commentId: string,
  input: z.infer<typeof ZEditComment>,
): Promise<ThreadView> {
  const { body } = ZEditComment.parse(input);
  const thread = await prisma.$transaction(async (tx) => {
    const { comment } = await findComment(ctx, threadId, commentId, tx);
    requireCan(ctx.actor, "comment.edit", { authorId: comment.authorId });
    if (comment.deletedAt) throw new DoorRefusal(400, "This comment was deleted.");
    if (comment.body === body)
      return tx.commentThread.findUniqueOrThrow({ where: { id: threadId }, include: THREAD_INCLUDE });
    const edited = await tx.comment.update({ where: { id: comment.id }, data: { body, editedAt: new Date() } });
    await notifyComment(tx, ctx.clause, edited, { notifyThreadParticipants: false });
    return tx.commentThread.update({
      where: { id: comment.threadId },
      data: { updatedAt: new Date() },
      include: THREAD_INCLUDE,
    });
  });
  announceClauseEvent(ctx.clause.id, { type: "thread.changed", threadId: thread.id });
  return viewThread(thread, ctx);
}
