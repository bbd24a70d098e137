// Starts a thread: on selected words (anchored by a mark the server places, see
// place-anchor.ts), on the clause as a whole, or on a proposal. The thread, its first comment,
// the anchor's Yjs update and the notifications are stored in one transaction.
// A proposal has one discussion, as a suggestion has in Google Docs: starting a second one
// (two people pressing "Discuss" at once) adds the comment to the first.
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { announceClauseEvent } from "@/lib/collab/announce-clause-event";
import { recordServerWrite } from "@/lib/collab/client-id-ownership";
import { prisma } from "@/lib/db/prisma";
import { DoorRefusal } from "@/lib/doors/door-result";
import { ZCommentBody } from "./comment-body";
import { type CommentContext, requireCan } from "./comment-context";
import { notifyComment } from "./notify-comment";
import { applyToLiveClause, markAnchor } from "./place-anchor";
import { THREAD_INCLUDE, type ThreadView } from "./thread-view";
import { viewThread } from "./view-threads";

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
  if (proposalId && anchor)
    throw new DoorRefusal(400, "A comment is either on selected words or on a proposal, not both.");
  if (proposalId) return discussProposal(ctx, proposalId, body);
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
      await recordServerWrite(tx, ctx.clause.id, anchored.update);
    }
    await notifyComment(tx, ctx.clause, { ...comment, threadId }, { notifyThreadParticipants: false });
    return tx.commentThread.findUniqueOrThrow({ where: { id: threadId }, include: THREAD_INCLUDE });
  });

  if (anchored) await applyToLiveClause(ctx.clause.id, anchored.update);
  announceClauseEvent(ctx.clause.id, { type: "thread.created", threadId });
  return viewThread(thread, ctx);
}

async function discussProposal(ctx: CommentContext, proposalId: string, body: string): Promise<ThreadView> {
  const { thread, created } = await prisma.$transaction(async (tx) => {
    // Locking the proposal's row makes "is there a discussion yet?" a question one person asks at a time.
    const [proposal] = await tx.$queryRaw<{ authorId: string }[]>`
      SELECT "authorId" FROM "Proposal" WHERE id = ${proposalId} AND "clauseId" = ${ctx.clause.id}::uuid FOR UPDATE`;
    if (!proposal) throw new DoorRefusal(404, "This proposal is not in this clause.");
    const existing = await tx.commentThread.findFirst({ where: { proposalId, clauseId: ctx.clause.id } });
    if (existing?.resolvedAt)
      throw new DoorRefusal(400, "The discussion of this proposal is resolved. Reopen it to reply.");
    const threadId = existing?.id ?? randomUUID();
    if (!existing) {
      await tx.commentThread.create({
        data: {
          id: threadId,
          clauseId: ctx.clause.id,
          proposalId,
          authorId: ctx.user.id,
          authorOrganizationId: ctx.user.organizationId,
        },
      });
    }
    const comment = await tx.comment.create({
      data: { threadId, authorId: ctx.user.id, authorOrganizationId: ctx.user.organizationId, body },
    });
    // Whoever made the proposal hears that it is being discussed.
    await notifyComment(
      tx,
      ctx.clause,
      { ...comment, threadId },
      {
        notifyThreadParticipants: true,
        alsoNotify: [proposal.authorId],
      },
    );
    const row = await tx.commentThread.findUniqueOrThrow({ where: { id: threadId }, include: THREAD_INCLUDE });
    return { thread: await viewThread(row, ctx, tx), created: !existing };
  });
  announceClauseEvent(ctx.clause.id, { type: created ? "thread.created" : "thread.changed", threadId: thread.id });
  return thread;
}
