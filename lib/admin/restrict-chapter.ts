import "server-only";
// Restricts a whole chapter (every clause in it) to a few organisations; an empty list lifts it.
import { z } from "zod";
import { announceAccessChange } from "@/lib/access/announce-access-change";
import { auditedTransaction } from "@/lib/audit/audited-transaction";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { instrumentDoor } from "@/lib/doors/instrument-door";
import { zId, zOrganizationIds } from "./fields";
import { chapterIn, participantsIn } from "./find-in-instrument";

export const ZRestrictChapter = z.object({
  instrumentId: zId("The instrument"),
  chapterId: zId("The chapter"),
  organizationIds: zOrganizationIds,
});

export const restrictChapter = instrumentDoor(
  "clause.manage",
  ZRestrictChapter,
  async ({ user }, { instrumentId, chapterId, organizationIds }) => {
    await auditedTransaction(async (tx) => {
      const chapter = await chapterIn(tx, instrumentId, chapterId);
      const participants = await participantsIn(tx, instrumentId, organizationIds);
      await tx.chapterRestriction.deleteMany({ where: { chapterId } });
      await tx.chapterRestriction.createMany({
        data: organizationIds.map((organizationId) => ({ chapterId, organizationId })),
      });
      await recordAuditEvent(tx, {
        action: organizationIds.length > 0 ? "chapter.restricted" : "chapter.restriction-lifted",
        actor: user,
        instrumentId,
        target: { type: "chapter", id: chapterId },
        details: { number: chapter.number, organizations: participants.map((p) => p.organization.code).sort() },
      });
    });
    announceAccessChange({ instrumentId });
    return { chapterId, restrictedTo: organizationIds };
  },
);
