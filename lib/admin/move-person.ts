// The secretariat moves a person to another organisation taking part in the instrument (a
// delegate who changes delegation, an expert who joins a state's team). From then on they act
// for the new organisation: every request re-reads it, and their open clause rooms are checked
// again at once — closed where the new organisation may not see the clause, and otherwise closed
// with a reason too, since the page still speaks (and proposes) for the old one.
// What they wrote before stays attributed to the delegation they wrote it for.
// A move changes what the person may do in every instrument of the organisation they leave and of
// the one they join: it needs management of all of them (account-reach.ts), and each of their
// trails records it.
import { z } from "zod";
import { announceAccessChange } from "@/lib/access/announce-access-change";
import type { SessionUser } from "@/lib/auth/session-user";
import { afterCommit, inTransaction, type Tx } from "@/lib/commands/in-transaction";
import { parseInput } from "@/lib/commands/parse-input";
import { AppError } from "@/lib/errors/app-error";
import {
  instrumentsOfOrganization,
  instrumentsOfPerson,
  lockAccount,
  recordAccountEvent,
  requireAccountReach,
} from "./account-reach";
import { zId } from "./fields";
import { participantIn, personIn } from "./find-in-instrument";
import { requireInstrumentRight } from "./instrument-rights";

export const ZMovePerson = z.object({
  instrumentId: zId("The instrument"),
  userId: zId("The person"),
  organizationId: zId("The organisation"),
});
export type TMovePerson = z.infer<typeof ZMovePerson>;

export async function movePerson(by: SessionUser, raw: TMovePerson, tx?: Tx) {
  const { instrumentId, userId, organizationId } = parseInput(ZMovePerson, raw);
  return inTransaction(tx, async (tx) => {
    await requireInstrumentRight(tx, by, instrumentId, "members.manage");
    if (userId === by.id) {
      throw new AppError("invalid_input", "You cannot move your own account. Ask another member of the secretariat.");
    }
    const person = await personIn(tx, instrumentId, userId);
    const to = await participantIn(tx, instrumentId, organizationId);
    await lockAccount(tx, userId);
    const reached = [
      ...new Set([
        ...(await instrumentsOfPerson(tx, userId)),
        ...(await instrumentsOfOrganization(tx, organizationId)),
      ]),
    ];
    await requireAccountReach(tx, by, reached);
    const memberships = await tx.membership.findMany({
      where: { userId },
      include: { organization: { select: { id: true, code: true } } },
      orderBy: { createdAt: "asc" },
    });
    if (memberships.length === 1 && memberships[0].organizationId === organizationId) {
      return { userId, organizationId, changed: false };
    }
    // A person acts through one organisation: the move replaces whatever they belonged to.
    await tx.membership.deleteMany({ where: { userId } });
    await tx.membership.create({ data: { userId, organizationId } });
    await recordAccountEvent(tx, reached, {
      action: "person.moved",
      actor: by,
      target: { type: "user", id: userId },
      details: {
        email: person.email,
        name: person.name,
        from: memberships.map((m) => m.organization.code).join(", ") || null,
        to: to.organization.code,
      },
    });
    afterCommit(tx, () => announceAccessChange({ userId }));
    return { userId, organizationId, changed: true };
  });
}
