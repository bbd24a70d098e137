// A thread of this clause, or "not found": a thread id from another clause or instrument, or
// one the person may not see, reads exactly like one that does not exist.

import { type ClauseContext, requireCan } from "@/lib/clauses/clause-context";
import type { Prisma } from "@/lib/db/generated/client";
import { prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors/app-error";
import { NOT_FOUND } from "@/lib/errors/messages";
import { isUuid } from "@/lib/ids/uuid";

export async function findThread(ctx: ClauseContext, threadId: string, tx: Prisma.TransactionClient = prisma) {
  const thread = isUuid(threadId)
    ? await tx.commentThread.findFirst({ where: { id: threadId, clauseId: ctx.clause.id } })
    : null;
  if (!thread) throw new AppError("not_found", NOT_FOUND);
  requireCan(ctx.actor, "thread.view", { authorId: thread.authorId }, true);
  return thread;
}

/** A comment of that thread, or "not found". */
export async function findComment(
  ctx: ClauseContext,
  threadId: string,
  commentId: string,
  tx: Prisma.TransactionClient = prisma,
) {
  const thread = await findThread(ctx, threadId, tx);
  const comment = isUuid(commentId)
    ? await tx.comment.findFirst({ where: { id: commentId, threadId: thread.id, kind: "COMMENT" } })
    : null;
  if (!comment) throw new AppError("not_found", NOT_FOUND);
  return { thread, comment };
}
