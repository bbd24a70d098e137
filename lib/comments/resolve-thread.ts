// Resolves or reopens a thread. Who did it and when is kept: on the thread (its current state)
// and as an entry in its discussion (its history).
import { z } from "zod";
import type { SessionUser } from "@/lib/auth/session-user";
import { clauseContext, requireCan } from "@/lib/clauses/clause-context";
import { announceClauseMessage } from "@/lib/clauses/clause-messages-server";
import { afterCommit, inTransaction, type Tx } from "@/lib/commands/in-transaction";
import { AppError } from "@/lib/errors/app-error";
import { findThread } from "./find-thread";
import { threadTarget } from "./thread-target";
import { THREAD_INCLUDE, type ThreadView } from "./thread-view";
import { viewThread } from "./view-threads";

export const ZSetThreadResolved = z.object({
  clauseId: z.string(),
  threadId: z.string(),
  resolved: z.boolean("Say whether the thread is resolved."),
});
export type TSetThreadResolved = z.infer<typeof ZSetThreadResolved>;

export async function setThreadResolved(by: SessionUser, input: TSetThreadResolved, tx?: Tx): Promise<ThreadView> {
  const { clauseId, threadId, resolved } = input;
  const ctx = await clauseContext(by, clauseId);
  return inTransaction(tx, async (tx) => {
    const found = await findThread(ctx, threadId, tx);
    const entries = await tx.comment.findMany({
      where: { threadId: found.id },
      select: { kind: true, authorId: true, deletedAt: true },
    });
    requireCan(ctx.actor, resolved ? "thread.resolve" : "thread.reopen", threadTarget(found, entries));
    // Row lock: two people resolving at once record one resolution, not two.
    await tx.$queryRaw`SELECT id FROM "CommentThread" WHERE id = ${found.id}::uuid FOR UPDATE`;
    const current = await tx.commentThread.findUniqueOrThrow({ where: { id: found.id } });
    if ((current.resolvedAt !== null) === resolved) {
      throw new AppError("conflict", resolved ? "This thread is already resolved." : "This thread is already open.");
    }
    const now = new Date();
    await tx.comment.create({
      data: {
        threadId: found.id,
        kind: resolved ? "RESOLVED" : "REOPENED",
        authorId: by.id,
        authorOrganizationId: by.organizationId,
        createdAt: now,
      },
    });
    const thread = await tx.commentThread.update({
      where: { id: found.id },
      // Whatever closed it before, it is now a person's choice.
      data: {
        ...(resolved ? { resolvedAt: now, resolvedById: by.id } : { resolvedAt: null, resolvedById: null }),
        closedByDecisionId: null,
        closedOnWithdrawal: false,
      },
      include: THREAD_INCLUDE,
    });
    afterCommit(tx, () => announceClauseMessage(ctx.clause.id, { type: "thread.changed", threadId: thread.id }));
    return viewThread(thread, ctx, tx);
  });
}
