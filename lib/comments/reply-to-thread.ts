// Adds a reply to an open thread. Two people replying at once both keep their replies:
// each is its own row, ordered by time.
import { z } from "zod";
import type { SessionUser } from "@/lib/auth/session-user";
import { clauseContext, requireCan } from "@/lib/clauses/clause-context";
import { announceClauseMessage } from "@/lib/clauses/clause-messages-server";
import { afterCommit, inTransaction, type Tx } from "@/lib/commands/in-transaction";
import { parseInput } from "@/lib/commands/parse-input";
import { AppError } from "@/lib/errors/app-error";
import { ZCommentBody } from "./comment-body";
import { findThread } from "./find-thread";
import { notifyComment } from "./notify-comment";
import { THREAD_INCLUDE, type ThreadView } from "./thread-view";
import { viewThread } from "./view-threads";

export const ZReply = z.object({ clauseId: z.string(), threadId: z.string(), body: ZCommentBody });
export type TReply = z.infer<typeof ZReply>;

export async function replyToThread(by: SessionUser, input: TReply, tx?: Tx): Promise<ThreadView> {
  const { clauseId, threadId, body } = parseInput(ZReply, input);
  const ctx = await clauseContext(by, clauseId);
  return inTransaction(tx, async (tx) => {
    const found = await findThread(ctx, threadId, tx);
    requireCan(ctx.actor, "comment.reply", { authorId: found.authorId });
    if (found.resolvedAt) throw new AppError("invalid_input", "This thread is resolved. Reopen it to reply.");
    const comment = await tx.comment.create({
      data: { threadId: found.id, authorId: by.id, authorOrganizationId: by.organizationId, body },
    });
    await notifyComment(tx, ctx.clause, comment, { notifyThreadParticipants: true });
    const thread = await tx.commentThread.update({
      where: { id: found.id },
      data: { updatedAt: new Date() },
      include: THREAD_INCLUDE,
    });
    afterCommit(tx, () => announceClauseMessage(ctx.clause.id, { type: "thread.changed", threadId: thread.id }));
    return viewThread(thread, ctx, tx);
  });
}
