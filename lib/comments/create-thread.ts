// Starts a thread: on selected words (anchored by a mark the server places, see
// place-anchor.ts), on the clause as a whole, or on a proposal. The thread, its first comment,
// the anchor's Yjs update and the notifications are stored in one transaction.
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { announceClauseEvent } from "@/lib/collab/announce-clause-event";
import { prisma } from "@/lib/db/prisma";
import { DoorRefusal } from "@/lib/doors/door-result";
import { ZCommentBody } from "./comment-body";
import { type CommentContext, requireCan } from "./comment-context";
import { notifyComment } from "./notify-comment";
import { applyToLiveClause, markAnchor } from "./place-anchor";
import { THREAD_INCLUDE, type ThreadView, toThreadView } from "./thread-view";

const ZPosition = z.string().min(1).max(2_000);

export const ZCreateThread = z.object({
  body: ZCommentBody,
  /** The selected words as Yjs relative positions; absent for the whole clause or a proposal. */
  anchor: z.object({ from: ZPosition, to: ZPosition }).optional(),
  proposalId: z.uuid("Not a proposal id.").optional(),
});
export type TCreateThread = z.infer<typeof ZCreateThread>;

export async function createThread(ctx: CommentContext, input: TCreateThread): Promise<ThreadView> {
  requireCan(ctx.actor, "thread.create");
  const { body, anchor, proposalId } = ZCreateThread.parse(input);
  const threadId = randomUUID();
  const anchored = anchor ? await markAnchor(ctx.clause.id, threadId, anchor) : null;
  if (anchor && !anchored) {
    throw new DoorRefusal(
      400,
      "The words you selected are no longer in the clause (someone changed them). Select them again.",
    );
  }

  const thread = await prisma.$transaction(async (tx) => {
    await tx.commentThread.create({
      data: {
        id: threadId,
        clauseId: ctx.clause.id,
        proposalId: proposalId ?? null,
        authorId: ctx.user.id,
        authorOrganizationId: ctx.user.organizationId,
        quote: anchored?.quote ?? null,
      },
    });
    const comment = await tx.comment.create({
      data: { threadId, authorId: ctx.user.id, authorOrganizationId: ctx.user.organizationId, body },
    });
    if (anchored) {
      await tx.clauseUpdate.create({
        data: { clauseId: ctx.clause.id, update: Buffer.from(anchored.update), userId: ctx.user.id },
      });
    }
    await notifyComment(tx, ctx.clause, { ...comment, threadId }, { notifyThreadParticipants: false });
    return tx.commentThread.findUniqueOrThrow({ where: { id: threadId }, include: THREAD_INCLUDE });
  });

  if (anchored) await applyToLiveClause(ctx.clause.id, anchored.update);
  announceClauseEvent(ctx.clause.id, { type: "thread.created", threadId });
  return toThreadView(thread, ctx);
}
