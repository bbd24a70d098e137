// A clause's threads as the viewer sees them (all of them; the sidebar filters open/resolved
// and orders them by where their words are). `proposalId` narrows to one proposal's threads.
import { z } from "zod";
import type { SessionUser } from "@/lib/auth/session-user";
import { clauseContext, requireCan } from "@/lib/clauses/clause-context";
import { prisma } from "@/lib/db/prisma";
import { THREAD_INCLUDE, type ThreadView } from "./thread-view";
import { viewThreads } from "./view-threads";

export const ZListThreads = z.object({ clauseId: z.string(), proposalId: z.string().optional() });
export type TListThreads = z.infer<typeof ZListThreads>;

export async function listThreads(by: SessionUser, { clauseId, proposalId }: TListThreads): Promise<ThreadView[]> {
  const ctx = await clauseContext(by, clauseId);
  requireCan(ctx.actor, "thread.view");
  const threads = await prisma.commentThread.findMany({
    where: { clauseId: ctx.clause.id, ...(proposalId ? { proposalId } : {}) },
    include: THREAD_INCLUDE,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return viewThreads(threads, ctx);
}
