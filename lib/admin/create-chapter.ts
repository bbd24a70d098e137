import "server-only";
// The secretariat adds a chapter at the end of an instrument.
import { z } from "zod";
import { auditedTransaction } from "@/lib/audit/audited-transaction";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { lockUntilCommit } from "@/lib/db/advisory-lock";
import { instrumentDoor } from "@/lib/doors/instrument-door";
import { zId, zText } from "./fields";

export const ZCreateChapter = z.object({
  instrumentId: zId("The instrument"),
  number: zText("The chapter number", 20),
  title: zText("The chapter title", 300),
});

export const createChapter = instrumentDoor(
  "instrument.manage",
  ZCreateChapter,
  async ({ user }, { instrumentId, number, title }) =>
    auditedTransaction(async (tx) => {
      // Serialises positions within the instrument.
      await lockUntilCommit(tx, { kind: "instrument-order", instrumentId });
      const last = await tx.chapter.findFirst({ where: { instrumentId }, orderBy: { position: "desc" } });
      const chapter = await tx.chapter.create({
        data: { instrumentId, number, title, position: (last?.position ?? -1) + 1 },
        select: { id: true },
      });
      await recordAuditEvent(tx, {
        action: "chapter.created",
        actor: user,
        instrumentId,
        target: { type: "chapter", id: chapter.id },
        details: { number, title },
      });
      return { chapterId: chapter.id };
    }),
);
