// The chair chooses one option of a set, which ends it. Alt 1 chosen: the mark comes off and the
// words stay. Another option chosen: the server replaces the words of Alt 1 with its wording — a
// direct edit of the agreed text, the chair's to make, audited. Either way the set and its other
// options, with their supporters, stay as rows and go to the clause's history
// (lib/readings/clause-history.ts). Stored with the update in one transaction, then applied live.
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
import { AppError } from "@/lib/errors/app-error";
import { settleAlternatives } from "./alternative-words";
import { openSet } from "./open-set";

export const ZChooseAlternative = z.object({
  clauseId: z.string(),
  setId: z.uuid("Not a set of alternatives."),
  optionId: z.uuid("Not an alternative."),
});
export type TChooseAlternative = z.input<typeof ZChooseAlternative>;

export async function chooseAlternative(by: SessionUser, input: TChooseAlternative, tx?: Tx) {
  const { clauseId, setId, optionId } = parseInput(ZChooseAlternative, input);
  const ctx = await clauseContext(by, clauseId);
  requireCan(ctx.actor, "alternatives.choose", ctx.target);
  const set = await openSet(ctx.clause.id, setId, tx);
  const option = set.options.find((o) => o.id === optionId);
  if (!option) throw new AppError("not_found", "This alternative is not in the set.");
  const state = await loadClauseState(ctx.clause.id);
  const doc = new Y.Doc();
  let update: Uint8Array | null;
  try {
    if (state) Y.applyUpdate(doc, state);
    update = settleAlternatives(doc, setId, option.position === 1 ? null : option.text);
  } finally {
    doc.destroy();
  }
  if (!update && option.position !== 1)
    throw new AppError(
      "conflict",
      "The words of these alternatives are no longer in the clause; the chair can type the wording.",
    );
  return inTransaction(tx, async (tx) => {
    // One choice wins when two chairs press at once.
    const { count } = await tx.alternativeSet.updateMany({
      where: { id: setId, chosenAt: null },
      data: { chosenAt: new Date(), chosenOptionId: option.id, chosenByName: by.name },
    });
    if (count === 0) throw new AppError("conflict", "The chair has already chosen between these alternatives.");
    if (update) {
      await tx.clauseUpdate.create({ data: { clauseId: ctx.clause.id, update: Buffer.from(update), userId: by.id } });
      await recordServerWrite(tx, ctx.clause.id, update);
    }
    await recordAuditEvent(tx, {
      action: "alternatives.chosen",
      actor: by,
      instrumentId: ctx.clause.instrumentId,
      target: { type: "clause", id: ctx.clause.id },
      details: { setId, alt: option.position, wording: option.text, words: set.options[0]?.text ?? "" },
    });
    afterCommit(tx, async () => {
      if (update) await applyToLiveClause(ctx.clause.id, update);
      announceClauseMessage(ctx.clause.id, { type: "alternatives.changed" });
    });
    return { setId, chosen: option.position };
  });
}
