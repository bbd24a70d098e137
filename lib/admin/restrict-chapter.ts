// Restricts a whole chapter (every clause in it) to a few organisations; an empty list lifts it.
import { z } from "zod";
import { announceAccessChange } from "@/lib/access/announce-access-change";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { SessionUser } from "@/lib/auth/session-user";
import { afterCommit, inTransaction, type Tx } from "@/lib/commands/in-transaction";
import { parseInput } from "@/lib/commands/parse-input";
import { zId, zOrganizationIds } from "./fields";
import { chapterIn, participantsIn } from "./find-in-instrument";
import { requireInstrumentRight } from "./instrument-rights";

export const ZRestrictChapter = z.object({
  instrumentId: zId("The instrument"),
  chapterId: zId("The chapter"),
  organizationIds: zOrganizationIds,
});
export type TRestrictChapter = z.infer<typeof ZRestrictChapter>;

export async function restrictChapter(by: SessionUser, raw: TRestrictChapter, tx?: Tx) {
  const { instrumentId, chapterId, organizationIds } = parseInput(ZRestrictChapter, raw);
  return inTransaction(tx, async (tx) => {
    await requireInstrumentRight(tx, by, instrumentId, "clause.manage");
    const chapter = await chapterIn(tx, instrumentId, chapterId);
    const participants = await participantsIn(tx, instrumentId, organizationIds);
    await tx.chapterRestriction.deleteMany({ where: { chapterId } });
    await tx.chapterRestriction.createMany({
      data: organizationIds.map((organizationId) => ({ chapterId, organizationId })),
    });
    await recordAuditEvent(tx, {
      action: organizationIds.length > 0 ? "chapter.restricted" : "chapter.restriction-lifted",
      actor: by,
      instrumentId,
      target: { type: "chapter", id: chapterId },
      details: { number: chapter.number, organizations: participants.map((p) => p.organization.code).sort() },
    });
    afterCommit(tx, () => announceAccessChange({ instrumentId }));
    return { chapterId, restrictedTo: organizationIds };
  });
}
