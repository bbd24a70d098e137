// Deactivating a person ends their sessions (every request re-reads `active`) and closes their
// open sockets at once. Reactivating lets them sign in again. Nobody deactivates themselves.
// Either counts in every instrument the person takes part in: it needs management of all of them
// (account-reach.ts), and each of their trails records it.
import { z } from "zod";
import { announceAccessChange } from "@/lib/access/announce-access-change";
import { endEverySession } from "@/lib/auth/end-every-session";
import type { SessionUser } from "@/lib/auth/session-user";
import { afterCommit, inTransaction, type Tx } from "@/lib/commands/in-transaction";
import { parseInput } from "@/lib/commands/parse-input";
import { AppError } from "@/lib/errors/app-error";
import { instrumentsOfPerson, lockAccount, recordAccountEvent, requireAccountReach } from "./account-reach";
import { zId, zYesNo } from "./fields";
import { personIn } from "./find-in-instrument";
import { requireInstrumentRight } from "./instrument-rights";

export const ZSetPersonActive = z.object({
  instrumentId: zId("The instrument"),
  userId: zId("The person"),
  active: zYesNo,
});
export type TSetPersonActive = z.infer<typeof ZSetPersonActive>;

export async function setPersonActive(by: SessionUser, raw: TSetPersonActive, tx?: Tx) {
  const { instrumentId, userId, active } = parseInput(ZSetPersonActive, raw);
  return inTransaction(tx, async (tx) => {
    await requireInstrumentRight(tx, by, instrumentId, "members.manage");
    if (userId === by.id) throw new AppError("invalid_input", "You cannot deactivate your own account.");
    const person = await personIn(tx, instrumentId, userId);
    await lockAccount(tx, userId);
    const reached = await instrumentsOfPerson(tx, userId);
    await requireAccountReach(tx, by, reached);
    if (person.active === active) return { userId, active, changed: false };
    await tx.user.update({ where: { id: userId }, data: { active } });
    if (!active) await tx.invitation.deleteMany({ where: { userId, usedAt: null } });
    if (!active) await endEverySession(tx, userId);
    await recordAccountEvent(tx, reached, {
      action: active ? "person.reactivated" : "person.deactivated",
      actor: by,
      target: { type: "user", id: userId },
      details: { email: person.email, name: person.name },
    });
    if (!active) afterCommit(tx, () => announceAccessChange({ userId }));
    return { userId, active, changed: true };
  });
}
