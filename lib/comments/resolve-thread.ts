// Resolves or reopens a thread. Who did it and when is kept: on the thread (its current state)
// and as an entry in its discussion (its history).
import { announceClauseEvent } from "@/lib/collab/announce-clause-event";
import { prisma } from "@/lib/db/prisma";
import { DoorRefusal } from "@/lib/doors/door-result";
import { type CommentContext, requireCan } from "./comment-context";
import { findThread } from "./find-thread";
import { THREAD_INCLUDE, type ThreadView } from "./thread-view";
import { viewThread } from "./view-threads";

export async function setThreadResolved(ctx: CommentContext, threadId: string, resolved: boolean): Promise<ThreadView> {
  const thread = await prisma.$transaction(async (tx) => {
    const found = await findThread(ctx, threadId, tx);
    requireCan(ctx.actor, resolved ? "thread.resolve" : "thread.reopen", { authorId: found.authorId });
    // Row lock: two people resolving at once record one resolution, not two.
    await tx.$queryRaw`SELECT id FROM "CommentThread" WHERE id = ${found.id}::uuid FOR UPDATE`;
    const current = await tx.commentThread.findUniqueOrThrow({ where: { id: found.id } });
    if ((current.resolvedAt !== null) === resolved) {
      throw new DoorRefusal(400, resolved ? "This thread is already resolved." : "This thread is already open.");
    }
    const now = new Date();
    await tx.comment.create({
      data: {
        threadId: found.id,
        kind: resolved ? "RESOLVED" : "REOPENED",
        authorId: ctx.user.id,
        authorOrganizationId: ctx.user.organizationId,
        createdAt: now,
      },
    });
    return tx.commentThread.update({
      where: { id: found.id },
      data: resolved ? { resolvedAt: now, resolvedById: ctx.user.id } : { resolvedAt: null, resolvedById: null },
      include: THREAD_INCLUDE,
    });
  });
  announceClauseEvent(ctx.clause.id, { type: "thread.changed", threadId: thread.id });
  return viewThread(thread, ctx);
}
