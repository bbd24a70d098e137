// The secretariat adds a term to the instrument's glossary, or changes one: the words to avoid,
// the wording to use instead, why, and where that comes from. Audited with what it said before.
import { z } from "zod";
import { zId, zOptionalWords, zWords } from "@/lib/admin/fields";
import { requireInstrumentRight } from "@/lib/admin/instrument-rights";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { SessionUser } from "@/lib/auth/session-user";
import { inTransaction, type Tx } from "@/lib/commands/in-transaction";
import { parseInput } from "@/lib/commands/parse-input";
import { AppError } from "@/lib/errors/app-error";
import { NOT_FOUND } from "@/lib/errors/messages";
import { compileTerms } from "./match-terms";

export const ZSaveGlossaryTerm = z.object({
  instrumentId: zId("The instrument"),
  /** Absent (or empty, as a form sends it): a new term. */
  termId: z
    .union([zId("The term"), z.literal("")])
    .optional()
    .transform((value) => value || undefined),
  // Invisible characters are taken out: the preferred wording is put into clauses as it is.
  term: zWords("The term", 120),
  preferred: zWords("The preferred wording", 400),
  rationale: zOptionalWords("The rationale", 2000),
  source: zOptionalWords("The source", 400),
});
export type TSaveGlossaryTerm = z.input<typeof ZSaveGlossaryTerm>;

export async function saveGlossaryTerm(by: SessionUser, raw: TSaveGlossaryTerm, tx?: Tx) {
  const { instrumentId, termId, ...fields } = parseInput(ZSaveGlossaryTerm, raw);
  // A term must hold a word, or it would match nothing (and say nothing).
  if (compileTerms([{ id: "", term: fields.term }]).length === 0)
    throw new AppError("invalid_input", "The term needs at least one word.");
  return inTransaction(tx, async (tx) => {
    await requireInstrumentRight(tx, by, instrumentId, "glossary.manage");
    const clash = await tx.glossaryTerm.findFirst({
      where: {
        instrumentId,
        term: { equals: fields.term, mode: "insensitive" },
        ...(termId ? { NOT: { id: termId } } : {}),
      },
      select: { id: true },
    });
    if (clash) throw new AppError("conflict", `The glossary already has "${fields.term}".`);
    if (!termId) {
      const created = await tx.glossaryTerm.create({ data: { instrumentId, ...fields } });
      await recordAuditEvent(tx, {
        action: "glossary.term-added",
        actor: by,
        instrumentId,
        target: { type: "glossary-term", id: created.id },
        details: fields,
      });
      return { termId: created.id, changed: true };
    }
    const before = await tx.glossaryTerm.findFirst({ where: { id: termId, instrumentId } });
    if (!before) throw new AppError("not_found", NOT_FOUND);
    const was = { term: before.term, preferred: before.preferred, rationale: before.rationale, source: before.source };
    if (JSON.stringify(was) === JSON.stringify(fields)) return { termId, changed: false };
    await tx.glossaryTerm.update({ where: { id: termId }, data: fields });
    await recordAuditEvent(tx, {
      action: "glossary.term-changed",
      actor: by,
      instrumentId,
      target: { type: "glossary-term", id: termId },
      details: { ...fields, was: JSON.stringify(was) },
    });
    return { termId, changed: true };
  });
}
