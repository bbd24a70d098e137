// A delegation supports one option of an open set — one support per delegation per set, so
// supporting another option moves it — or withdraws its support (optionId null).
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { SessionUser } from "@/lib/auth/session-user";
import { clauseContext, requireCan } from "@/lib/clauses/clause-context";
import { announceClauseMessage } from "@/lib/clauses/clause-messages-server";
import { afterCommit, inTransaction, type Tx } from "@/lib/commands/in-transaction";
import { parseInput } from "@/lib/commands/parse-input";
import { lockUntilCommit } from "@/lib/db/advisory-lock";
import { AppError } from "@/lib/errors/app-error";
import { openSet } from "./open-set";

export const ZSupportAlternative = z.object({
  clauseId: z.string(),
  setId: z.uuid("Not a set of alternatives."),
  optionId: z.uuid("Not an alternative.").nullable(),
});
export type TSupportAlternative = z.input<typeof ZSupportAlternative>;

export async function supportAlternative(by: SessionUser, input: TSupportAlternative, tx?: Tx) {
  const { clauseId, setId, optionId } = parseInput(ZSupportAlternative, input);
  const ctx = await clauseContext(by, clauseId);
  requireCan(ctx.actor, "alternatives.support", ctx.target);
  return inTransaction(tx, async (tx) => {
    await lockUntilCommit(tx, { kind: "alternatives", setId });
    const set = await openSet(ctx.clause.id, setId, tx);
    const option = optionId ? set.options.find((o) => o.id === optionId) : null;
    if (optionId && !option) throw new AppError("not_found", "This alternative is not in the set.");
    await tx.alternativeSupport.deleteMany({ where: { setId, organizationId: by.organizationId } });
    if (option)
      await tx.alternativeSupport.create({
        data: {
          id: randomUUID(),
          setId,
          optionId: option.id,
          organizationId: by.organizationId,
          organizationCode: by.organizationCode,
          personName: by.name,
          createdAt: new Date(),
        },
      });
    await recordAuditEvent(tx, {
      action: option ? "alternatives.supported" : "alternatives.support-withdrawn",
      actor: by,
      instrumentId: ctx.clause.instrumentId,
      target: { type: "clause", id: ctx.clause.id },
      details: { setId, ...(option ? { alt: option.position, wording: option.text } : {}) },
    });
    afterCommit(tx, async () => announceClauseMessage(ctx.clause.id, { type: "alternatives.changed" }));
    return { supported: option ? option.position : null };
  });
}
