// The secretariat moves a person to another organisation taking part in the instrument (a
// delegate who changes delegation, an expert who joins a state's team). From then on they act
// for the new organisation: every request re-reads it, and their open clause rooms are checked
// again at once — closed where the new organisation may not see the clause, and otherwise closed
// with a reason too, since the page still speaks (and proposes) for the old one.
// What they wrote before stays attributed to the delegation they wrote it for.
import { z } from "zod";
import { announceAccessChange } from "@/lib/access/announce-access-change";
import { auditedTransaction } from "@/lib/audit/audited-transaction";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { SessionUser } from "@/lib/auth/session-user";
import { DoorRefusal } from "@/lib/doors/door-result";
import { zId } from "./fields";
import { participantIn, personIn } from "./find-in-instrument";

export const ZMovePerson = z.object({
  instrumentId: zId("The instrument"),
  userId: zId("The person"),
  organizationId: zId("The organisation"),
});

export type MovePersonInput = z.infer<typeof ZMovePerson>;

/** The move itself, for a secretariat member the door has already admitted (`by`). */
export async function movePersonToOrganization(
  by: SessionUser,
  { instrumentId, userId, organizationId }: MovePersonInput,
) {
  if (userId === by.id) {
    throw new DoorRefusal(400, "You cannot move your own account. Ask another member of the secretariat.");
  }
  const changed = await auditedTransaction(async (tx) => {
    const person = await personIn(tx, instrumentId, userId);
    const to = await participantIn(tx, instrumentId, organizationId);
    const memberships = await tx.membership.findMany({
      where: { userId },
      include: { organization: { select: { id: true, code: true } } },
      orderBy: { createdAt: "asc" },
    });
    if (memberships.length === 1 && memberships[0].organizationId === organizationId) return false;
    // A person acts through one organisation: the move replaces whatever they belonged to.
    await tx.membership.deleteMany({ where: { userId } });
    await tx.membership.create({ data: { userId, organizationId } });
    await recordAuditEvent(tx, {
      action: "person.moved",
      actor: by,
      instrumentId,
      target: { type: "user", id: userId },
      details: {
        email: person.email,
        name: person.name,
        from: memberships.map((m) => m.organization.code).join(", ") || null,
        to: to.organization.code,
      },
    });
    return true;
  });
  if (changed) announceAccessChange({ userId });
  return { userId, organizationId, changed };
}
