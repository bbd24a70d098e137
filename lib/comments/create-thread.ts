// Starts a thread: on selected words (anchored by a mark the server places, see
// place-anchor.ts), on the clause as a whole, or on a proposal. The thread, its first comment,
// the anchor's Yjs update and the notifications are stored in one transaction; the mark reaches
// the live clause once that transaction has committed.
// A proposal has one discussion, as a suggestion has in Google Docs: starting a second one
// (two people pressing "Discuss" at once) adds the comment to the first.
import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { SessionUser } from "@/lib/auth/session-user";
import { type ClauseContext, clauseContext, requireCan } from "@/lib/clauses/clause-context";
import { announceClauseMessage } from "@/lib/clauses/clause-messages-server";
import { recordServerWrite } from "@/lib/collab/client-id-ownership";
import { afterCommit, inTransaction, type Tx } from "@/lib/commands/in-transaction";
import { parseInput } from "@/lib/commands/parse-input";
import { AppError } from "@/lib/errors/app-error";
import { ZCommentBody } from "./comment-body";
import { notifyComment } from "./notify-comment";
import { applyToLiveClause, markAnchor } from "./place-anchor";
import { THREAD_INCLUDE, type ThreadView } from "./thread-view";
import { viewThread } from "./view-threads";

const ZPosition = z.string().min(1).max(2_000);

export const ZCreateThread = z.object({
  clauseId: z.string(),
  body: ZCommentBody,
  /** The selected words as Yjs relative positions; absent for the whole clause or a proposal. */
  anchor: z.object({ from: ZPosition, to: ZPosition }).optional(),
  proposalId: z.uuid("Not a proposal id.").optional(),
});
export type TCreateThread = z.infer<typeof ZCreateThread>;

export async function createThread(by: SessionUser, input: TCreateThread, tx?: Tx): Promise<ThreadView> {
  const { clauseId, body, anchor, proposalId } = parseInput(ZCreateThread, input);
  const ctx = await clauseContext(by, clauseId);
  requireCan(ctx.actor, "thread.create");
  if (proposalId && anchor) {
    throw new AppError("invalid_input", "A comment is either on selected words or on a proposal, not both.");
  }
  if (proposalId) return discussProposal(ctx, proposalId, body, tx);
  const threadId = randomUUID();
  const anchored = anchor ? await markAnchor(ctx.clause.id, threadId, anchor) : null;
  if (anchor && !anchored) {
    throw new AppError(
      "conflict",
      "The words you selected are no longer in the clause (someone changed them). Select them again.",
    );
  }

  return inTransaction(tx, async (tx) => {
    await tx.commentThread.create({
      data: {
        id: threadId,
        clauseId: ctx.clause.id,
        authorId: by.id,
        authorOrganizationId: by.organizationId,
        quote: anchored?.quote ?? null,
      },
    });
    const comment = await tx.comment.create({
      data: { threadId, authorId: by.id, authorOrganizationId: by.organizationId, body },
    });
    if (anchored) {
      await tx.clauseUpdate.create({
        data: { clauseId: ctx.clause.id, update: Buffer.from(anchored.update), userId: by.id },
      });
      await recordServerWrite(tx, ctx.clause.id, anchored.update);
    }
    await notifyComment(tx, ctx.clause, { ...comment, threadId }, { notifyThreadParticipants: false });
    const thread = await tx.commentThread.findUniqueOrThrow({ where: { id: threadId }, include: THREAD_INCLUDE });
    afterCommit(tx, async () => {
      if (anchored) await applyToLiveClause(ctx.clause.id, anchored.update);
      announceClauseMessage(ctx.clause.id, { type: "thread.created", threadId });
    });
    return viewThread(thread, ctx, tx);
  });
}

async function discussProposal(ctx: ClauseContext, proposalId: string, body: string, tx?: Tx): Promise<ThreadView> {
  return inTransaction(tx, async (tx) => {
    // Locking the proposal's row makes "is there a discussion yet?" a question one person asks at a time.
    const [proposal] = await tx.$queryRaw<{ authorId: string }[]>`
      SELECT "authorId" FROM "Proposal" WHERE id = ${proposalId} AND "clauseId" = ${ctx.clause.id}::uuid FOR UPDATE`;
    if (!proposal) throw new AppError("not_found", "This proposal is not in this clause.");
    const existing = await tx.commentThread.findFirst({ where: { proposalId, clauseId: ctx.clause.id } });
    if (existing?.resolvedAt) {
      throw new AppError("invalid_input", "The discussion of this proposal is resolved. Reopen it to reply.");
    }
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
      { notifyThreadParticipants: true, alsoNotify: [proposal.authorId] },
    );
    const row = await tx.commentThread.findUniqueOrThrow({ where: { id: threadId }, include: THREAD_INCLUDE });
    afterCommit(tx, () =>
      announceClauseMessage(ctx.clause.id, { type: existing ? "thread.changed" : "thread.created", threadId }),
    );
    return viewThread(row, ctx, tx);
  });
}
