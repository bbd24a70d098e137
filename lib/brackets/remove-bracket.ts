// The chair removes a bracket: the room has agreed the words, and taking the bracket off them is
// how that agreement is recorded — so it is the chair's alone, audited, and in the clause's
// history (lib/readings/clause-history.ts reads the Bracket rows). The server takes the mark off
// the stored text and stores that update with the row's removal and the audit entry in one
// transaction, then applies it to the live clause (as place-bracket.ts places it).
import * as Y from "yjs";
import { z } from "zod";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { SessionUser } from "@/lib/auth/session-user";
import { clauseContext, requireCan } from "@/lib/clauses/clause-context";
import { announceClauseMessage } from "@/lib/clauses/clause-messages-server";
import { loadClauseState } from "@/lib/collab/clause-store";
import { recordServerWrite } from "@/lib/collab/client-id-ownership";
import { afterCommit, inTransaction, type Tx } from "@/lib/commands/in-transaction";
import { parseInput } from "@/lib/commands/parse-input";
import { applyToLiveClause } from "@/lib/comments/place-anchor";
import { prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors/app-error";
import { unbracket } from "./bracket-words";

export const ZRemoveBracket = z.object({
  clauseId: z.string(),
  bracketId: z.uuid("Not a bracket id."),
});
export type TRemoveBracket = z.input<typeof ZRemoveBracket>;

export async function removeBracket(by: SessionUser, input: TRemoveBracket, tx?: Tx) {
  const { clauseId, bracketId } = parseInput(ZRemoveBracket, input);
  const ctx = await clauseContext(by, clauseId);
  requireCan(ctx.actor, "bracket.remove", ctx.target);
  const row = await (tx ?? prisma).bracket.findUnique({ where: { id: bracketId } });
  if (!row || row.clauseId !== ctx.clause.id) throw new AppError("not_found", "This bracket is not in this clause.");
  if (row.removedAt) throw new AppError("conflict", `These brackets were removed already, by ${row.removedByName}.`);
  const state = await loadClauseState(ctx.clause.id);
  const doc = new Y.Doc();
  let update: Uint8Array | null;
  try {
    if (state) Y.applyUpdate(doc, state);
    update = unbracket(doc, bracketId);
  } finally {
    doc.destroy();
  }
  return inTransaction(tx, async (tx) => {
    // One removal wins when two chairs press at once.
    const { count } = await tx.bracket.updateMany({
      where: { id: bracketId, removedAt: null },
      data: { removedAt: new Date(), removedById: by.id, removedByName: by.name },
    });
    if (count === 0) throw new AppError("conflict", "These brackets were removed already.");
    if (update) {
      await tx.clauseUpdate.create({ data: { clauseId: ctx.clause.id, update: Buffer.from(update), userId: by.id } });
      await recordServerWrite(tx, ctx.clause.id, update);
    }
    await recordAuditEvent(tx, {
      action: "bracket.removed",
      actor: by,
      instrumentId: ctx.clause.instrumentId,
      target: { type: "clause", id: ctx.clause.id },
      details: { bracketId, words: row.quote, delegation: row.organizationCode },
    });
    afterCommit(tx, async () => {
      if (update) await applyToLiveClause(ctx.clause.id, update);
      announceClauseMessage(ctx.clause.id, { type: "brackets.changed" });
    });
    return { bracketId, removed: true };
  });
}
