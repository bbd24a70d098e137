// A clause's threads as the viewer sees them (all of them; the sidebar filters open/resolved
// and orders them by where their words are). `proposalId` narrows to one proposal's threads.
import { prisma } from "@/lib/db/prisma";
import { type CommentContext, requireCan } from "./comment-context";
import { THREAD_INCLUDE, type ThreadView } from "./thread-view";
import { viewThreads } from "./view-threads";

export async function listThreads(ctx: CommentContext, options: { proposalId?: string } = {}): Promise<ThreadView[]> {
  requireCan(ctx.actor, "thread.view");
  const threads = await prisma.commentThread.findMany({
    where: { clauseId: ctx.clause.id, ...(options.proposalId ? { proposalId: options.proposalId } : {}) },
    include: THREAD_INCLUDE,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return viewThreads(threads, ctx);
}
