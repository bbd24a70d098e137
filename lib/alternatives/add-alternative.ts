// A delegation (or the chair) adds a further option to an open set of alternatives: "Alt 3", …,
// sponsored by its delegation. Only rows change — the text still reads Alt 1 — so no Yjs update.
import { randomUUID } from "node:crypto";
import * as Y from "yjs";
import { z } from "zod";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { SessionUser } from "@/lib/auth/session-user";
import { clauseContext, requireCan } from "@/lib/clauses/clause-context";
import { announceClauseMessage } from "@/lib/clauses/clause-messages-server";
import { loadClauseState } from "@/lib/collab/clause-store";
import { afterCommit, inTransaction, type Tx } from "@/lib/commands/in-transaction";
import { parseInput } from "@/lib/commands/parse-input";
import { lockUntilCommit } from "@/lib/db/advisory-lock";
import { AppError } from "@/lib/errors/app-error";
import { clauseStanding } from "@/lib/paragraph-status/clause-standing";
import { lockedClauseMessage, lockedParagraphMessage } from "@/lib/paragraph-status/locked-message";
import { lockedAlternatives } from "./alternative-words";
import { ZWording } from "./create-alternatives";
import { openSet } from "./open-set";

export const MAX_OPTIONS = 9;

export const ZAddAlternative = z.object({
  clauseId: z.string(),
  setId: z.uuid("Not a set of alternatives."),
  wording: ZWording,
});
export type TAddAlternative = z.input<typeof ZAddAlternative>;

export async function addAlternative(by: SessionUser, input: TAddAlternative, tx?: Tx) {
  const { clauseId, setId, wording } = parseInput(ZAddAlternative, input);
  const ctx = await clauseContext(by, clauseId);
  requireCan(ctx.actor, "alternatives.propose", ctx.target);
  const standing = await clauseStanding(ctx.clause.id);
  if (standing.status !== "OPEN") throw new AppError("conflict", lockedClauseMessage(standing.number, standing.status));
  // So is a paragraph agreed since the set began: its words take no further wording.
  const locked = await lockedSet(ctx.clause.id, setId);
  if (locked) throw new AppError("conflict", lockedParagraphMessage(locked.number, locked.status));
  return inTransaction(tx, async (tx) => {
    await lockUntilCommit(tx, { kind: "alternatives", setId });
    const set = await openSet(ctx.clause.id, setId, tx);
    if (set.options.some((option) => option.text === wording))
      throw new AppError("conflict", "This wording is already one of the alternatives: support it instead.");
    if (set.options.length >= MAX_OPTIONS)
      throw new AppError("invalid_input", `A set holds at most ${MAX_OPTIONS} alternatives.`);
    const position = Math.max(...set.options.map((option) => option.position)) + 1;
    const option = await tx.alternativeOption.create({
      data: {
        id: randomUUID(),
        setId,
        position,
        text: wording,
        sponsorOrganizationId: by.organizationId,
        sponsorCode: by.organizationCode,
        createdById: by.id,
        createdAt: new Date(),
      },
    });
    await recordAuditEvent(tx, {
      action: "alternatives.added",
      actor: by,
      instrumentId: ctx.clause.instrumentId,
      target: { type: "clause", id: ctx.clause.id },
      details: { setId, position, wording },
    });
    afterCommit(tx, async () => announceClauseMessage(ctx.clause.id, { type: "alternatives.changed" }));
    return { optionId: option.id, position };
  });
}

async function lockedSet(clauseId: string, setId: string) {
  const state = await loadClauseState(clauseId);
  const doc = new Y.Doc();
  try {
    if (state) Y.applyUpdate(doc, state);
    return lockedAlternatives(doc, setId);
  } finally {
    doc.destroy();
  }
}
