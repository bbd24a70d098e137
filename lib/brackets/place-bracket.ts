// A delegation brackets words of a clause: its reservation, placed at once — bracketing changes
// no words, and a delegation may always say it is not ready to agree a passage; only removing a
// bracket needs the room's agreement, which is why only the chair removes them
// (remove-bracket.ts). The server places the mark, not the browser, as it does a comment's
// anchor (lib/comments/place-anchor.ts): it reads the stored text, brackets the agreed words of
// the range sent as Yjs relative positions, stamps who (the session's delegation and person),
// when (its own clock) and why (the note), and stores the update with the Bracket row and the
// audit entry in one transaction, then applies it to the live clause. So the guard refuses every
// bracket a client writes itself (check-brackets.ts), and no bracket can carry a forged name.
import { randomUUID } from "node:crypto";
import * as Y from "yjs";
import { z } from "zod";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { SessionUser } from "@/lib/auth/session-user";
import type { BracketOnWords } from "@/lib/clause-model/clause-model";
import { withoutInvisible } from "@/lib/clause-model/invisible-characters";
import { readClause } from "@/lib/clause-model/read-clause";
import { clauseContext, requireCan } from "@/lib/clauses/clause-context";
import { announceClauseMessage } from "@/lib/clauses/clause-messages-server";
import { loadClauseState } from "@/lib/collab/clause-store";
import { recordServerWrite } from "@/lib/collab/client-id-ownership";
import { afterCommit, inTransaction, type Tx } from "@/lib/commands/in-transaction";
import { parseInput } from "@/lib/commands/parse-input";
import { applyToLiveClause } from "@/lib/comments/place-anchor";
import { lockUntilCommit } from "@/lib/db/advisory-lock";
import { AppError } from "@/lib/errors/app-error";
import { clauseStanding } from "@/lib/paragraph-status/clause-standing";
import { lockedClauseMessage, lockedParagraphMessage } from "@/lib/paragraph-status/locked-message";
import { bracketSelection } from "./bracket-words";
import { bracketsInClause } from "./brackets-in-clause";
import { MAX_BRACKET_NOTE } from "./read-bracket";

const ZPosition = z.string().min(1).max(2_000);

/**
 * Open brackets one delegation may hold in one article: far more than any negotiation needs, few
 * enough that a delegation pressing Bracket on every run of words cannot bury the text for
 * everyone under spans to draw.
 */
export const MAX_OPEN_BRACKETS = 200;

export const ZPlaceBracket = z.object({
  clauseId: z.string(),
  /** The selected words as Yjs relative positions (lib/comments/anchor-range.ts). */
  from: ZPosition,
  to: ZPosition,
  // Nothing a reader cannot see (lib/clause-model/invisible-characters.ts): a text-direction
  // control would make the note, and what follows it on the page, read in another order.
  note: z
    .string()
    .transform(withoutInvisible)
    .pipe(z.string().trim().max(MAX_BRACKET_NOTE, `A note may be at most ${MAX_BRACKET_NOTE} characters.`))
    .nullish()
    .transform((note) => note || null),
});
export type TPlaceBracket = z.input<typeof ZPlaceBracket>;

const WHY: Record<"gone" | "several-paragraphs" | "no-agreed-words" | "bracketed-already", string> = {
  gone: "The words you selected are no longer in the clause (someone changed them). Select them again.",
  "bracketed-already": "Your delegation has bracketed these words already.",
  "several-paragraphs": "A bracket covers words within one paragraph: select words in a single paragraph.",
  "no-agreed-words":
    "A bracket covers agreed words; the selection holds only proposed words, which are decided as a proposal.",
};

export async function placeBracket(by: SessionUser, input: TPlaceBracket, tx?: Tx) {
  const { clauseId, from, to, note } = parseInput(ZPlaceBracket, input);
  const ctx = await clauseContext(by, clauseId);
  requireCan(ctx.actor, "bracket.place", ctx.target);
  // Agreed text is settled: bracketing it would reopen it, which is the chair's to do first.
  const standing = await clauseStanding(ctx.clause.id);
  if (standing.status !== "OPEN") throw new AppError("conflict", lockedClauseMessage(standing.number, standing.status));
  const bracket: BracketOnWords = {
    id: randomUUID(),
    organizationId: by.organizationId,
    organizationCode: by.organizationCode,
    personId: by.id,
    personName: by.name,
    at: new Date().toISOString(),
    note,
  };
  return inTransaction(tx, async (tx) => {
    // In turn with the other acts that read and write the clause's stored text (decisions, the
    // chair's status changes, sets of alternatives, other brackets): one delegation pressing
    // twice makes one bracket, and words the chair is agreeing take none.
    await lockUntilCommit(tx, { kind: "proposals", clauseId: ctx.clause.id });
    const state = await loadClauseState(ctx.clause.id, tx);
    const doc = new Y.Doc();
    let placed: ReturnType<typeof bracketSelection>;
    try {
      if (state) Y.applyUpdate(doc, state);
      const open = bracketsInClause(readClause(doc).blocks).filter((b) => b.organizationId === by.organizationId);
      if (open.length >= MAX_OPEN_BRACKETS)
        throw new AppError(
          "conflict",
          `Your delegation has ${MAX_OPEN_BRACKETS} passages in brackets in this article: no more can be placed until the chair removes some.`,
        );
      placed = bracketSelection(doc, { from, to }, bracket);
    } finally {
      doc.destroy();
    }
    if (!placed.ok) {
      if (placed.why === "locked") throw new AppError("conflict", lockedParagraphMessage(placed.number, placed.status));
      throw new AppError(
        placed.why === "gone" || placed.why === "bracketed-already" ? "conflict" : "invalid_input",
        WHY[placed.why],
      );
    }
    const { update, quote } = placed;
    await tx.bracket.create({
      data: {
        id: bracket.id,
        clauseId: ctx.clause.id,
        organizationId: bracket.organizationId,
        organizationCode: bracket.organizationCode,
        personId: bracket.personId,
        personName: bracket.personName,
        note,
        quote,
        placedAt: new Date(bracket.at),
      },
    });
    await tx.clauseUpdate.create({ data: { clauseId: ctx.clause.id, update: Buffer.from(update), userId: by.id } });
    await recordServerWrite(tx, ctx.clause.id, update);
    await recordAuditEvent(tx, {
      action: "bracket.placed",
      actor: by,
      instrumentId: ctx.clause.instrumentId,
      target: { type: "clause", id: ctx.clause.id },
      details: { bracketId: bracket.id, words: quote, note },
    });
    afterCommit(tx, async () => {
      await applyToLiveClause(ctx.clause.id, update);
      announceClauseMessage(ctx.clause.id, { type: "brackets.changed" });
    });
    return { bracketId: bracket.id, quote };
  });
}
