// The secretariat adds a person to an organisation and gets a one-time link, to pass on, with
// which the person sets a password and signs in (no mail server is assumed).
// The new person takes part wherever the organisation does: inviting them needs management of
// every instrument the organisation takes part in (account-reach.ts), and each trail records it.
import { z } from "zod";
import type { SessionUser } from "@/lib/auth/session-user";
import { inTransaction, type Tx } from "@/lib/commands/in-transaction";
import { parseInput } from "@/lib/commands/parse-input";
import { AppError } from "@/lib/errors/app-error";
import { issueInvitation } from "@/lib/people/invitation-token";
import { instrumentsOfOrganization, recordAccountEvent, requireAccountReach } from "./account-reach";
import { zId, zText } from "./fields";
import { participantIn } from "./find-in-instrument";
import { requireInstrumentRight } from "./instrument-rights";

export const ZInvitePerson = z.object({
  instrumentId: zId("The instrument"),
  organizationId: zId("The organisation"),
  name: zText("The name", 200),
  email: z
    .string({ message: "The email is missing." })
    .trim()
    .toLowerCase()
    .pipe(z.email({ message: "The email address is not valid." }).max(320)),
});
export type TInvitePerson = z.infer<typeof ZInvitePerson>;

export async function invitePerson(by: SessionUser, raw: TInvitePerson, tx?: Tx) {
  const { instrumentId, organizationId, name, email } = parseInput(ZInvitePerson, raw);
  return inTransaction(tx, async (tx) => {
    await requireInstrumentRight(tx, by, instrumentId, "members.manage");
    const participant = await participantIn(tx, instrumentId, organizationId);
    const reached = await instrumentsOfOrganization(tx, organizationId);
    await requireAccountReach(tx, by, reached);
    if (await tx.user.findUnique({ where: { email }, select: { id: true } })) {
      throw new AppError(
        "invalid_input",
        `${email} already has an account. Give them a new sign-in link from the list instead.`,
      );
    }
    const person = await tx.user.create({
      data: { email, name, memberships: { create: { organizationId } } },
      select: { id: true },
    });
    const invitation = await issueInvitation(tx, person.id, by.id);
    await recordAccountEvent(tx, reached, {
      action: "membership.added",
      actor: by,
      target: { type: "user", id: person.id },
      details: { email, name, organization: participant.organization.code },
    });
    return { userId: person.id, ...invitation };
  });
}
