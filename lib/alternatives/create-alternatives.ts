// A delegation (or the chair) proposes another wording for agreed words: a set of alternatives
// begins. The words in the text become Alt 1 (sponsored by nobody: they are the text), the new
// wording Alt 2, sponsored by the delegation. As brackets are (lib/brackets/place-bracket.ts),
// the mark is written by the server, not the browser: it reads the stored text, marks the agreed
// words of the range sent as Yjs relative positions with the new set's id, and stores the update
// with the set's rows and the audit entry in one transaction, then applies it to the live clause.
import { randomUUID } from "node:crypto";
import * as Y from "yjs";
import { z } from "zod";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { SessionUser } from "@/lib/auth/session-user";
import { withoutInvisible } from "@/lib/clause-model/invisible-characters";
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
import { markAlternativesOnSelection } from "./alternative-words";

const ZPosition = z.string().min(1).max(2_000);
export const MAX_WORDING = 1_000;
/**
 * Open sets one delegation may have begun in one article: far more than a negotiation needs, few
 * enough that offering an alternative for every word cannot bury the text for everyone.
 */
export const MAX_OPEN_SETS = 50;
export const ZWording = z
  .string()
  .trim()
  .min(1, "Write the alternative wording.")
  .max(MAX_WORDING, `An alternative may be at most ${MAX_WORDING} characters.`)
  // Words on one line (no control characters, no line or paragraph separators), nothing a
  // reader cannot see (lib/clause-model/invisible-characters.ts).
  .refine((text) => withoutInvisible(text) === text && !/[\p{Cc}\p{Zl}\p{Zp}]/u.test(text), {
    message: "An alternative is words on one line, without invisible characters.",
  });

export const ZCreateAlternatives = z.object({
  clauseId: z.string(),
  /** The selected words (Alt 1) as Yjs relative positions (lib/comments/anchor-range.ts). */
  from: ZPosition,
  to: ZPosition,
  wording: ZWording,
});
export type TCreateAlternatives = z.input<typeof ZCreateAlternatives>;

const WHY = {
  gone: "The words you selected are no longer in the clause (someone changed them). Select them again.",
  "several-paragraphs": "Alternatives are words within one paragraph: select words in a single paragraph.",
  "no-agreed-words": "Select agreed words: proposed words are decided as a proposal.",
  "already-alternatives": "Some of these words already stand in a set of alternatives: add your wording to that set.",
} as const;

export async function createAlternatives(by: SessionUser, input: TCreateAlternatives, tx?: Tx) {
  const { clauseId, from, to, wording } = parseInput(ZCreateAlternatives, input);
  const ctx = await clauseContext(by, clauseId);
  requireCan(ctx.actor, "alternatives.propose", ctx.target);
  // Agreed text is settled: offering other wording for it would reopen it (the chair's to do).
  const standing = await clauseStanding(ctx.clause.id);
  if (standing.status !== "OPEN") throw new AppError("conflict", lockedClauseMessage(standing.number, standing.status));
  const setId = randomUUID();
  const now = new Date();
  return inTransaction(tx, async (tx) => {
    // In turn with the other acts that read and write the clause's stored text (decisions, the
    // chair's status changes, other sets): two delegations offering alternatives for the same
    // words at once make one set, and words the chair is agreeing take none.
    await lockUntilCommit(tx, { kind: "proposals", clauseId: ctx.clause.id });
    const begun = await tx.alternativeSet.count({
      where: {
        clauseId: ctx.clause.id,
        chosenAt: null,
        options: { some: { position: 2, sponsorOrganizationId: by.organizationId } },
      },
    });
    if (begun >= MAX_OPEN_SETS)
      throw new AppError(
        "conflict",
        `Your delegation has begun ${MAX_OPEN_SETS} sets of alternatives in this article that the chair has not chosen between: no more can be begun until the chair chooses.`,
      );
    const state = await loadClauseState(ctx.clause.id, tx);
    const doc = new Y.Doc();
    let marked: ReturnType<typeof markAlternativesOnSelection>;
    try {
      if (state) Y.applyUpdate(doc, state);
      marked = markAlternativesOnSelection(doc, { from, to }, setId);
    } finally {
      doc.destroy();
    }
    if (!marked.ok) {
      if (marked.why === "locked") throw new AppError("conflict", lockedParagraphMessage(marked.number, marked.status));
      throw new AppError(marked.why === "gone" ? "conflict" : "invalid_input", WHY[marked.why]);
    }
    const { update, quote } = marked;
    if (quote === wording)
      throw new AppError("invalid_input", "The alternative reads the same as the words in the text.");
    await tx.alternativeSet.create({
      data: { id: setId, clauseId: ctx.clause.id, createdById: by.id, createdByName: by.name, createdAt: now },
    });
    await tx.alternativeOption.createMany({
      data: [
        { id: randomUUID(), setId, position: 1, text: quote, createdById: by.id, createdAt: now },
        {
          id: randomUUID(),
          setId,
          position: 2,
          text: wording,
          sponsorOrganizationId: by.organizationId,
          sponsorCode: by.organizationCode,
          createdById: by.id,
          createdAt: now,
        },
      ],
    });
    await tx.clauseUpdate.create({ data: { clauseId: ctx.clause.id, update: Buffer.from(update), userId: by.id } });
    await recordServerWrite(tx, ctx.clause.id, update);
    await recordAuditEvent(tx, {
      action: "alternatives.created",
      actor: by,
      instrumentId: ctx.clause.instrumentId,
      target: { type: "clause", id: ctx.clause.id },
      details: { setId, words: quote, wording },
    });
    afterCommit(tx, async () => {
      await applyToLiveClause(ctx.clause.id, update);
      announceClauseMessage(ctx.clause.id, { type: "alternatives.changed" });
    });
    return { setId, quote };
  });
}
