import "server-only";
// Deactivating a person ends their sessions (every request re-reads `active`) and closes their
// open sockets at once. Reactivating lets them sign in again. Nobody deactivates themselves.
import { z } from "zod";
import { announceAccessChange } from "@/lib/access/announce-access-change";
import { auditedTransaction } from "@/lib/audit/audited-transaction";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { endEverySession } from "@/lib/auth/end-every-session";
import { DoorRefusal } from "@/lib/doors/door-result";
import { instrumentDoor } from "@/lib/doors/instrument-door";
import { zId, zYesNo } from "./fields";
import { personIn } from "./find-in-instrument";

export const ZSetPersonActive = z.object({
  instrumentId: zId("The instrument"),
  userId: zId("The person"),
  active: zYesNo,
});

export const setPersonActive = instrumentDoor(
  "members.manage",
  ZSetPersonActive,
  async ({ user }, { instrumentId, userId, active }) => {
    if (userId === user.id) throw new DoorRefusal(400, "You cannot deactivate your own account.");
    const changed = await auditedTransaction(async (tx) => {
      const person = await personIn(tx, instrumentId, userId);
      if (person.active === active) return false;
      await tx.user.update({ where: { id: userId }, data: { active } });
      if (!active) await tx.invitation.deleteMany({ where: { userId, usedAt: null } });
      if (!active) await endEverySession(tx, userId);
      await recordAuditEvent(tx, {
        action: active ? "person.reactivated" : "person.deactivated",
        actor: user,
        instrumentId,
        target: { type: "user", id: userId },
        details: { email: person.email, name: person.name },
      });
      return true;
    });
    if (changed && !active) announceAccessChange({ userId });
    return { userId, active, changed };
  },
);
