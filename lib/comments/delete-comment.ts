// The author deletes their own comment. It keeps its place in the thread as a "comment
// deleted" marker (its words are erased), so the replies around it still read right.
import { announceClauseEvent } from "@/lib/collab/announce-clause-event";
import { prisma } from "@/lib/db/prisma";
import { type CommentContext, requireCan } from "./comment-context";
import { findComment } from "./find-thread";
import { THREAD_INCLUDE, type ThreadView } from "./thread-view";
import { viewThread } from "./view-threads";

export async function deleteComment(ctx: CommentContext, threadId: string, commentId: string): Promise<ThreadView> {
  const thread = await prisma.$transaction(async (tx) => {
    const { comment } = await findComment(ctx, threadId, commentId, tx);
    requireCan(ctx.actor, "comment.delete", { authorId: comment.authorId });
    if (!comment.deletedAt) {
      await tx.comment.update({ where: { id: comment.id }, data: { body: "", deletedAt: new Date() } });
      // Nobody should be sent to read words that are gone.
      await tx.notification.deleteMany({ where: { commentId: comment.id } });
    }
    return tx.commentThread.update({
      where: { id: comment.threadId },
      data: { updatedAt: new Date() },
      include: THREAD_INCLUDE,
    });
  });
  announceClauseEvent(ctx.clause.id, { type: "thread.changed", threadId: thread.id });
  return viewThread(thread, ctx);
}
