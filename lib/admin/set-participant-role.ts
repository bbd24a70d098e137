// The secretariat changes an organisation's role in the instrument, adds an organisation that
// already exists (from another instrument), or removes one ("NONE"). Only this instrument
// changes: attaching an organisation gives no power over its people elsewhere (account-reach.ts).
// Open sockets of its people are downgraded or closed at once. An instrument always keeps at
// least one chair, so nobody can lock the secretariat out by mistake.
import { z } from "zod";
import { announceAccessChange } from "@/lib/access/announce-access-change";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { SessionUser } from "@/lib/auth/session-user";
import { afterCommit, inTransaction, type Tx } from "@/lib/commands/in-transaction";
import { parseInput } from "@/lib/commands/parse-input";
import { lockUntilCommit } from "@/lib/db/advisory-lock";
import { AppError } from "@/lib/errors/app-error";
import { NOT_FOUND } from "@/lib/errors/messages";
import { ROLES } from "@/lib/permissions/roles";
import { zId } from "./fields";
import { requireInstrumentRight } from "./instrument-rights";

export const ZSetParticipantRole = z.object({
  instrumentId: zId("The instrument"),
  organizationId: zId("The organisation"),
  role: z.enum([...ROLES, "NONE"], { message: "Choose a role, or remove the organisation." }),
});
export type TSetParticipantRole = z.infer<typeof ZSetParticipantRole>;

export async function setParticipantRole(by: SessionUser, raw: TSetParticipantRole, tx?: Tx) {
  const { instrumentId, organizationId, role } = parseInput(ZSetParticipantRole, raw);
  return inTransaction(tx, async (tx) => {
    await requireInstrumentRight(tx, by, instrumentId, "members.manage");
    await lockUntilCommit(tx, { kind: "participants", instrumentId });
    const participant = await tx.participant.findUnique({
      where: { instrumentId_organizationId: { instrumentId, organizationId } },
      include: { organization: true },
    });
    if (!participant) {
      const organization = await tx.organization.findUnique({ where: { id: organizationId } });
      if (!organization || role === "NONE") throw new AppError("not_found", NOT_FOUND);
      await tx.participant.create({ data: { instrumentId, organizationId, role } });
      await recordAuditEvent(tx, {
        action: "participant.added",
        actor: by,
        instrumentId,
        target: { type: "organization", id: organizationId },
        details: { organization: organization.code, role },
      });
      afterCommit(tx, () => announceAccessChange({ organizationId }));
      return { organizationId, role, changed: true };
    }
    if (participant.role === role) return { organizationId, role, changed: false };
    if (participant.role === "CHAIR") {
      const chairs = await tx.participant.count({ where: { instrumentId, role: "CHAIR" } });
      if (chairs <= 1) {
        throw new AppError("invalid_input", "An instrument needs a chair: make another organisation chair first.");
      }
    }
    if (role === "NONE") await tx.participant.delete({ where: { id: participant.id } });
    else await tx.participant.update({ where: { id: participant.id }, data: { role } });
    await recordAuditEvent(tx, {
      action: role === "NONE" ? "participant.removed" : "participant.role-changed",
      actor: by,
      instrumentId,
      target: { type: "organization", id: organizationId },
      details: { organization: participant.organization.code, from: participant.role, to: role },
    });
    afterCommit(tx, () => announceAccessChange({ organizationId }));
    return { organizationId, role, changed: true };
  });
}
