import "server-only";
// The secretariat adds a person to an organisation and gets a one-time link, to pass on, with
// which the person sets a password and signs in (no mail server is assumed).
import { z } from "zod";
import { auditedTransaction } from "@/lib/audit/audited-transaction";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { prisma } from "@/lib/db/prisma";
import { DoorRefusal } from "@/lib/doors/door-result";
import { instrumentDoor } from "@/lib/doors/instrument-door";
import { issueInvitation } from "@/lib/people/invitation-token";
import { zId, zText } from "./fields";
import { participantIn } from "./find-in-instrument";

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

export const invitePerson = instrumentDoor(
  "members.manage",
  ZInvitePerson,
  async ({ user }, { instrumentId, organizationId, name, email }) => {
    if (await prisma.user.findUnique({ where: { email }, select: { id: true } })) {
      throw new DoorRefusal(
        400,
        `${email} already has an account. Give them a new sign-in link from the list instead.`,
      );
    }
    return auditedTransaction(async (tx) => {
      const participant = await participantIn(tx, instrumentId, organizationId);
      const person = await tx.user.create({
        data: { email, name, memberships: { create: { organizationId } } },
        select: { id: true },
      });
      const invitation = await issueInvitation(tx, person.id, user.id);
      await recordAuditEvent(tx, {
        action: "membership.added",
        actor: user,
        instrumentId,
        target: { type: "user", id: person.id },
        details: { email, name, organization: participant.organization.code },
      });
      return { userId: person.id, ...invitation };
    });
  },
);
