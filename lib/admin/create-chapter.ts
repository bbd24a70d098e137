// The secretariat adds a chapter at the end of an instrument.
import { z } from "zod";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { SessionUser } from "@/lib/auth/session-user";
import { inTransaction, type Tx } from "@/lib/commands/in-transaction";
import { parseInput } from "@/lib/commands/parse-input";
import { lockUntilCommit } from "@/lib/db/advisory-lock";
import { raiseOutlineChanged } from "@/lib/live/raise-live";
import { zId, zText } from "./fields";
import { requireInstrumentRight } from "./instrument-rights";

export const ZCreateChapter = z.object({
  instrumentId: zId("The instrument"),
  number: zText("The chapter number", 20),
  title: zText("The chapter title", 300),
});
export type TCreateChapter = z.infer<typeof ZCreateChapter>;

export async function createChapter(by: SessionUser, raw: TCreateChapter, tx?: Tx) {
  const { instrumentId, number, title } = parseInput(ZCreateChapter, raw);
  return inTransaction(tx, async (tx) => {
    await requireInstrumentRight(tx, by, instrumentId, "instrument.manage");
    await lockUntilCommit(tx, { kind: "instrument-order", instrumentId });
    const last = await tx.chapter.findFirst({ where: { instrumentId }, orderBy: { position: "desc" } });
    const chapter = await tx.chapter.create({
      data: { instrumentId, number, title, position: (last?.position ?? -1) + 1 },
      select: { id: true },
    });
    await recordAuditEvent(tx, {
      action: "chapter.created",
      actor: by,
      instrumentId,
      target: { type: "chapter", id: chapter.id },
      details: { number, title },
    });
    raiseOutlineChanged(tx, instrumentId);
    return { chapterId: chapter.id };
  });
}
