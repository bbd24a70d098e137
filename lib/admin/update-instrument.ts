// The secretariat renames an instrument or changes whether observers may comment.
import { z } from "zod";
import { announceAccessChange } from "@/lib/access/announce-access-change";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { SessionUser } from "@/lib/auth/session-user";
import { afterCommit, inTransaction, type Tx } from "@/lib/commands/in-transaction";
import { parseInput } from "@/lib/commands/parse-input";
import { zId, zText, zYesNo } from "./fields";
import { requireInstrumentRight } from "./instrument-rights";

export const ZUpdateInstrument = z.object({
  instrumentId: zId("The instrument"),
  title: zText("The title", 400),
  shortTitle: zText("The short title", 120),
  observersMayComment: zYesNo,
});
export type TUpdateInstrument = z.infer<typeof ZUpdateInstrument>;

export async function updateInstrument(by: SessionUser, raw: TUpdateInstrument, tx?: Tx) {
  const { instrumentId, title, shortTitle, observersMayComment } = parseInput(ZUpdateInstrument, raw);
  return inTransaction(tx, async (tx) => {
    const { instrument } = await requireInstrumentRight(tx, by, instrumentId, "instrument.manage");
    await tx.instrument.update({ where: { id: instrumentId }, data: { title, shortTitle, observersMayComment } });
    await recordAuditEvent(tx, {
      action: "instrument.updated",
      actor: by,
      instrumentId,
      target: { type: "instrument", id: instrumentId },
      details: { title, shortTitle, observersMayComment, wasObserversMayComment: instrument.observersMayComment },
    });
    if (observersMayComment !== instrument.observersMayComment) {
      afterCommit(tx, () => announceAccessChange({ instrumentId }));
    }
    return { instrumentId };
  });
}
