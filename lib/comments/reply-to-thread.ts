// Adds a reply to an open thread. Two people replying at once both keep their replies:
// each is its own row, ordered by time.
import { z } from "zod";
import { announceClauseEvent } from "@/lib/collab/announce-clause-event";
import { prisma } from "@/lib/db/prisma";
import { DoorRefusal } from "@/lib/doors/door-result";
import { ZCommentBody } from "./comment-body";
import { type CommentContext, requireCan } from "./comment-context";
import { findThread } from "./find-thread";
import { notifyComment } from "./notify-comment";
import { THREAD_INCLUDE, type ThreadView } from "./thread-view";
import { viewThread } from "./view-threads";

export const ZReply = z.object({ body: ZCommentBody });

export async function replyToThread(
  ctx: CommentContext,
  threadId: string,
  input: z.infer<typeof ZReply>,
): Promise<ThreadView> {
  const { body } = ZReply.parse(input);
  const thread = await prisma.$transaction(async (tx) => {
    const found = await findThread(ctx, threadId, tx);
    requireCan(ctx.actor, "comment.reply", { authorId: found.authorId });
    if (found.resolvedAt) throw new DoorRefusal(400, "This thread is resolved. Reopen it to reply.");
    const comment = await tx.comment.create({
      data: { threadId: found.id, authorId: ctx.user.id, authorOrganizationId: ctx.user.organizationId, body },
    });
    await notifyComment(tx, ctx.clause, comment, { notifyThreadParticipants: true });
    return tx.commentThread.update({
      where: { id: found.id },
      data: { updatedAt: new Date() },
      include: THREAD_INCLUDE,
    });
  });
  announceClauseEvent(ctx.clause.id, { type: "thread.changed", threadId: thread.id });
  return viewThread(thread, ctx);
}
