import "server-only";
// The secretariat changes an organisation's role in the instrument, adds an organisation that
// already exists (from another instrument), or removes one ("NONE").
// Open sockets of its people are downgraded or closed at once. An instrument always keeps at
// least one chair, so nobody can lock the secretariat out by mistake.
import { z } from "zod";
import { announceAccessChange } from "@/lib/access/announce-access-change";
import { auditedTransaction } from "@/lib/audit/audited-transaction";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { lockUntilCommit } from "@/lib/db/advisory-lock";
import { DoorRefusal, NOT_FOUND } from "@/lib/doors/door-result";
import { instrumentDoor } from "@/lib/doors/instrument-door";
import { ROLES } from "@/lib/permissions/roles";
import { zId } from "./fields";

export const ZSetParticipantRole = z.object({
  instrumentId: zId("The instrument"),
  organizationId: zId("The organisation"),
  role: z.enum([...ROLES, "NONE"], { message: "Choose a role, or remove the organisation." }),
});

export const setParticipantRole = instrumentDoor(
  "members.manage",
  ZSetParticipantRole,
  async ({ user }, { instrumentId, organizationId, role }) => {
    const changed = await auditedTransaction(async (tx) => {
      await lockUntilCommit(tx, { kind: "participants", instrumentId });
      const participant = await tx.participant.findUnique({
        where: { instrumentId_organizationId: { instrumentId, organizationId } },
        include: { organization: true },
      });
      if (!participant) {
        const organization = await tx.organization.findUnique({ where: { id: organizationId } });
        if (!organization || role === "NONE") throw new DoorRefusal(404, NOT_FOUND);
        await tx.participant.create({ data: { instrumentId, organizationId, role } });
        await recordAuditEvent(tx, {
          action: "participant.added",
          actor: user,
          instrumentId,
          target: { type: "organization", id: organizationId },
          details: { organization: organization.code, role },
        });
        return true;
      }
      if (participant.role === role) return false;
      if (participant.role === "CHAIR") {
        const chairs = await tx.participant.count({ where: { instrumentId, role: "CHAIR" } });
        if (chairs <= 1)
          throw new DoorRefusal(400, "An instrument needs a chair: make another organisation chair first.");
      }
      if (role === "NONE") await tx.participant.delete({ where: { id: participant.id } });
      else await tx.participant.update({ where: { id: participant.id }, data: { role } });
      await recordAuditEvent(tx, {
        action: role === "NONE" ? "participant.removed" : "participant.role-changed",
        actor: user,
        instrumentId,
        target: { type: "organization", id: organizationId },
        details: { organization: participant.organization.code, from: participant.role, to: role },
      });
      return true;
    });
    if (changed) announceAccessChange({ organizationId });
    return { organizationId, role, changed };
  },
);
