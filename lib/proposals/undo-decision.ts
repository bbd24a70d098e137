// The chair takes a decision back, for a short while after taking it: the proposals are open
// again with exactly the words they had (their marks, authors and times), their positions
// count again (they were never removed, and the words they were given on are back), their
// discussions reopen, those told of the decision learn it was undone, and everyone sees it at
// once. Like a decision, an undo is taken in the clause's queue and under its lock, computed on
// the stored text, stored with its audit entry, then applied for everyone.
//
// The inverse was computed when the decision was taken (decision-inverse.ts). It is applied
// only while the blocks the decision changed read exactly as it left them: once someone has
// typed, proposed or commented there, replaying it could misplace or swallow their words, so
// the undo is refused and the chair decides again instead.
import type { Hocuspocus } from "@hocuspocus/server";
import * as Y from "yjs";
import { z } from "zod";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { SessionUser } from "@/lib/auth/session-user";
import { clauseContext, requireCan } from "@/lib/clauses/clause-context";
import { announceClauseMessage } from "@/lib/clauses/clause-messages-server";
import { clauseDocumentName } from "@/lib/collab/clause-document-name";
import { loadClauseState } from "@/lib/collab/clause-store";
import { recordServerWrite } from "@/lib/collab/client-id-ownership";
import { collabInstance } from "@/lib/collab/collab-instance";
import { parseInput } from "@/lib/commands/parse-input";
import { reopenProposalThreads } from "@/lib/comments/close-proposal-threads";
import { notifyDecisionUndone } from "@/lib/comments/notify-decision";
import { lockUntilCommit } from "@/lib/db/advisory-lock";
import { prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors/app-error";
import { isUuid } from "@/lib/ids/uuid";
import { decisionsVersionName, recordClauseVersion } from "@/lib/readings/record-clause-version";
import { storedTruth } from "./decide-proposals";
import { readsAsBefore, stillAsDecided, type Touched } from "./decision-inverse";
import { oneAtATime } from "./one-at-a-time";

/** How long after a decision the server still undoes it (the page offers Undo for 30 s). */
export const UNDO_WINDOW_MS = 2 * 60_000;

export const NO_SUCH_DECISION = "There is no such decision in this clause.";
export const ALREADY_UNDONE = "This decision has already been undone.";
export const TOO_LATE =
  "Too late to undo: a decision can be undone for 2 minutes after it was taken. Decide these proposals again instead.";
export const EDITED_SINCE =
  "The words of these proposals have been edited or commented on since the decision, so undoing it could misplace someone's words. Nothing was changed: propose the wording again instead.";
export const CANNOT_RESTORE = "This decision cannot be undone exactly. Nothing was changed: propose the wording again.";

export const ZUndoDecision = z.object({ clauseId: z.string(), decisionId: z.string() });
export type TUndoDecision = z.infer<typeof ZUndoDecision>;

export type Undone = { restored: string[] };

/** Undo, as a command: the person must see the clause and may undo decisions in it (can.ts). */
export async function undoDecision(by: SessionUser, input: TUndoDecision): Promise<Undone> {
  const { clauseId, decisionId } = parseInput(ZUndoDecision, input);
  const ctx = await clauseContext(by, clauseId);
  requireCan(ctx.actor, "proposal.undoDecision", ctx.target);
  if (!isUuid(decisionId)) throw new AppError("not_found", NO_SUCH_DECISION);
  return undoOnClause({ clauseId: ctx.clause.id, decisionId, by, instrumentId: ctx.clause.instrumentId });
}

export type UndoInput = {
  clauseId: string;
  decisionId: string;
  by: Pick<SessionUser, "id" | "name" | "organizationId" | "organizationCode">;
  instrumentId: string | null;
  collab?: Hocuspocus;
  /** The moment the undo is asked for (tests move it past the window). */
  now?: Date;
};

export async function undoOnClause(input: UndoInput): Promise<Undone> {
  const collab = input.collab ?? collabInstance();
  if (!collab) throw new AppError("unavailable", "The collaboration server is not running. Nothing was changed.");
  const connection = await collab.openDirectConnection(clauseDocumentName(input.clauseId), {
    system: "undo-decision",
  });
  try {
    const live = connection.document as Y.Doc;
    return await oneAtATime(collab, input.clauseId, () => undoOnStoredText(live, input));
  } finally {
    await connection.disconnect();
  }
}

async function undoOnStoredText(live: Y.Doc, input: UndoInput): Promise<Undone> {
  const held: { copy?: Y.Doc; threads: string[] } = { threads: [] };
  try {
    const restored = await prisma.$transaction(
      async (tx) => {
        await lockUntilCommit(tx, { kind: "proposals", clauseId: input.clauseId });
        const decision = await tx.chairDecision.findFirst({
          where: { id: input.decisionId, clauseId: input.clauseId },
        });
        if (!decision) throw new AppError("not_found", NO_SUCH_DECISION);
        if (decision.undoneAt) throw new AppError("conflict", ALREADY_UNDONE);
        const now = input.now ?? new Date();
        if (now.getTime() - decision.createdAt.getTime() > UNDO_WINDOW_MS) throw new AppError("conflict", TOO_LATE);
        const rows = await tx.proposal.findMany({ where: { id: { in: decision.proposalIds } } });
        if (rows.some((row) => row.status !== decision.outcome)) throw new AppError("conflict", ALREADY_UNDONE);

        const copy = storedTruth(live, await loadClauseState(input.clauseId, tx));
        held.copy = copy;
        const touched = decision.touched as unknown as Touched;
        const check = stillAsDecided(copy, touched);
        if (!check.ok) throw new AppError("conflict", check.reason === "edited" ? EDITED_SINCE : CANNOT_RESTORE);
        const before = Y.encodeStateVector(copy);
        Y.applyUpdate(copy, decision.undoUpdate);
        if (!readsAsBefore(copy, touched)) throw new AppError("conflict", CANNOT_RESTORE);
        const update = Y.encodeStateAsUpdate(copy, before);
        await tx.clauseUpdate.create({
          data: { clauseId: input.clauseId, update: Buffer.from(update), userId: input.by.id },
        });
        // Written under the decision's own client id, the server's already; recorded all the same.
        await recordServerWrite(tx, input.clauseId, update);
        await tx.proposal.updateMany({
          where: { id: { in: decision.proposalIds } },
          data: { status: "OPEN", decidedAt: null },
        });
        await tx.chairDecision.update({ where: { id: decision.id }, data: { undoneAt: now, undoneById: input.by.id } });
        // The decision left a version of its text; its undoing leaves one too, so the clause's
        // history and a compare across it read the proposals as open again (lib/readings).
        await recordClauseVersion(tx, {
          clauseId: input.clauseId,
          name: `${decisionsVersionName(decision.proposalIds.length, decision.outcome as "ACCEPTED" | "REJECTED")}, undone`,
          trigger: "DECIDED",
          madeById: input.by.id,
          state: Y.encodeStateAsUpdate(copy),
        });
        held.threads = await reopenProposalThreads(tx, {
          decisionId: decision.id,
          by: { id: input.by.id, organizationId: input.by.organizationId },
        });
        await notifyDecisionUndone(tx, decision.id, input.by.id);
        await recordAuditEvent(tx, {
          action: "proposal.decision-undone",
          actor: input.by,
          instrumentId: input.instrumentId,
          target: { type: "clause", id: input.clauseId },
          details: { proposals: decision.proposalIds, decision: decision.id, outcome: decision.outcome },
        });
        return decision.proposalIds;
      },
      { timeout: 20_000 },
    );
    Y.applyUpdate(live, Y.encodeStateAsUpdate(held.copy as Y.Doc, Y.encodeStateVector(live)));
    announceClauseMessage(input.clauseId, { type: "proposals.changed" });
    for (const threadId of held.threads) announceClauseMessage(input.clauseId, { type: "thread.changed", threadId });
    return { restored };
  } finally {
    held.copy?.destroy();
  }
}
