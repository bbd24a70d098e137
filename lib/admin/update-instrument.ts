import "server-only";
// The secretariat renames an instrument or changes whether observers may comment.
import { z } from "zod";
import { announceAccessChange } from "@/lib/access/announce-access-change";
import { auditedTransaction } from "@/lib/audit/audited-transaction";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { instrumentDoor } from "@/lib/doors/instrument-door";
import { zId, zText, zYesNo } from "./fields";

export const ZUpdateInstrument = z.object({
  instrumentId: zId("The instrument"),
  title: zText("The title", 400),
  shortTitle: zText("The short title", 120),
  observersMayComment: zYesNo,
});

export const updateInstrument = instrumentDoor(
  "instrument.manage",
  ZUpdateInstrument,
  async ({ user, instrument }, { instrumentId, title, shortTitle, observersMayComment }) => {
    await auditedTransaction(async (tx) => {
      await tx.instrument.update({ where: { id: instrumentId }, data: { title, shortTitle, observersMayComment } });
      await recordAuditEvent(tx, {
        action: "instrument.updated",
        actor: user,
        instrumentId,
        target: { type: "instrument", id: instrumentId },
        details: { title, shortTitle, observersMayComment, wasObserversMayComment: instrument.observersMayComment },
      });
    });
    if (observersMayComment !== instrument.observersMayComment) announceAccessChange({ instrumentId });
    return { instrumentId };
  },
);
