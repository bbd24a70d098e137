// The secretariat adds a provision to the instrument's library of agreed language, or edits one:
// where it comes from (instrument and article, as negotiators cite it), its words, its topic,
// and whether those words are a paraphrase rather than the instrument's own text. Entries are
// never deleted: proposals cite them. Audited with what it said before.
import { z } from "zod";
import { zId, zOptionalWords, zWords, zYesNo } from "@/lib/admin/fields";
import { requireInstrumentRight } from "@/lib/admin/instrument-rights";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { SessionUser } from "@/lib/auth/session-user";
import { inTransaction, type Tx } from "@/lib/commands/in-transaction";
import { parseInput } from "@/lib/commands/parse-input";
import { AppError } from "@/lib/errors/app-error";
import { NOT_FOUND } from "@/lib/errors/messages";

export const ZSaveAgreedLanguage = z.object({
  instrumentId: zId("The instrument"),
  /** Absent (or empty, as a form sends it): a new entry. */
  entryId: z
    .union([zId("The entry"), z.literal("")])
    .optional()
    .transform((value) => value || undefined),
  // Invisible characters are taken out: the text is inserted into clauses as it is.
  source: zWords("The instrument it comes from", 80),
  article: zWords("The article", 80),
  text: zWords("The text", 4000),
  topic: zOptionalWords("The topic", 40).transform((topic) => topic.toLowerCase()),
  paraphrase: zYesNo.optional().transform((value) => value ?? false),
});
export type TSaveAgreedLanguage = z.input<typeof ZSaveAgreedLanguage>;

export async function saveAgreedLanguage(by: SessionUser, raw: TSaveAgreedLanguage, tx?: Tx) {
  const { instrumentId, entryId, ...fields } = parseInput(ZSaveAgreedLanguage, raw);
  return inTransaction(tx, async (tx) => {
    await requireInstrumentRight(tx, by, instrumentId, "agreedLanguage.manage");
    if (!entryId) {
      const created = await tx.agreedLanguageEntry.create({ data: { instrumentId, ...fields } });
      await recordAuditEvent(tx, {
        action: "agreed-language.added",
        actor: by,
        instrumentId,
        target: { type: "agreed-language", id: created.id },
        details: fields,
      });
      return { entryId: created.id, changed: true };
    }
    const before = await tx.agreedLanguageEntry.findFirst({ where: { id: entryId, instrumentId } });
    if (!before) throw new AppError("not_found", NOT_FOUND);
    const was = {
      source: before.source,
      article: before.article,
      text: before.text,
      topic: before.topic,
      paraphrase: before.paraphrase,
    };
    if (JSON.stringify(was) === JSON.stringify(fields)) return { entryId, changed: false };
    await tx.agreedLanguageEntry.update({ where: { id: entryId }, data: fields });
    await recordAuditEvent(tx, {
      action: "agreed-language.changed",
      actor: by,
      instrumentId,
      target: { type: "agreed-language", id: entryId },
      details: { ...fields, was: JSON.stringify(was) },
    });
    return { entryId, changed: true };
  });
}
