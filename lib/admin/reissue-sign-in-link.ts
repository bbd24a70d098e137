// A new one-time link for someone who lost theirs or forgot their password. Older links stop working.
// Whoever holds the link can sign in as the person, in every instrument they take part in: so it
// needs management of all of them (account-reach.ts), and each of their trails records it.
import { z } from "zod";
import type { SessionUser } from "@/lib/auth/session-user";
import { inTransaction, type Tx } from "@/lib/commands/in-transaction";
import { parseInput } from "@/lib/commands/parse-input";
import { AppError } from "@/lib/errors/app-error";
import { issueInvitation } from "@/lib/people/invitation-token";
import { instrumentsOfPerson, lockAccount, recordAccountEvent, requireAccountReach } from "./account-reach";
import { zId } from "./fields";
import { personIn } from "./find-in-instrument";
import { requireInstrumentRight } from "./instrument-rights";

export const ZReissueSignInLink = z.object({ instrumentId: zId("The instrument"), userId: zId("The person") });
export type TReissueSignInLink = z.infer<typeof ZReissueSignInLink>;

export async function reissueSignInLink(by: SessionUser, raw: TReissueSignInLink, tx?: Tx) {
  const { instrumentId, userId } = parseInput(ZReissueSignInLink, raw);
  return inTransaction(tx, async (tx) => {
    await requireInstrumentRight(tx, by, instrumentId, "members.manage");
    const person = await personIn(tx, instrumentId, userId);
    await lockAccount(tx, userId);
    const reached = await instrumentsOfPerson(tx, userId);
    await requireAccountReach(tx, by, reached);
    if (!person.active) throw new AppError("invalid_input", `${person.name} is deactivated. Reactivate them first.`);
    const invitation = await issueInvitation(tx, userId, by.id);
    await recordAccountEvent(tx, reached, {
      action: "person.sign-in-link-issued",
      actor: by,
      target: { type: "user", id: userId },
      details: { email: person.email },
    });
    return { userId, ...invitation };
  });
}
