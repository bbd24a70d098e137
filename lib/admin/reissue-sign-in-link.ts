import "server-only";
// A new one-time link for someone who lost theirs or forgot their password. Older links stop working.
import { z } from "zod";
import { auditedTransaction } from "@/lib/audit/audited-transaction";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { DoorRefusal } from "@/lib/doors/door-result";
import { instrumentDoor } from "@/lib/doors/instrument-door";
import { issueInvitation } from "@/lib/people/invitation-token";
import { zId } from "./fields";
import { personIn } from "./find-in-instrument";

export const ZReissueSignInLink = z.object({ instrumentId: zId("The instrument"), userId: zId("The person") });

export const reissueSignInLink = instrumentDoor(
  "members.manage",
  ZReissueSignInLink,
  async ({ user }, { instrumentId, userId }) =>
    auditedTransaction(async (tx) => {
      const person = await personIn(tx, instrumentId, userId);
      if (!person.active) throw new DoorRefusal(400, `${person.name} is deactivated. Reactivate them first.`);
      const invitation = await issueInvitation(tx, userId, user.id);
      await recordAuditEvent(tx, {
        action: "person.sign-in-link-issued",
        actor: user,
        instrumentId,
        target: { type: "user", id: userId },
        details: { email: person.email },
      });
      return { userId, ...invitation };
    }),
);
