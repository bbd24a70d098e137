// The secretariat changes an organisation's role in the instrument, adds an organisation that
// already exists (from another instrument), or removes one ("NONE"). Attaching an organisation
// gives no power over its people elsewhere, but it does make their accounts count here too, which
// takes account powers over them from the secretariats of its other instruments: so it needs
// management of every instrument it already takes part in, or a system administrator
// (requireAttachReach), and an attachment or removal is written into the trail of each of them.
// Open sockets of its people are downgraded or closed at once. An instrument always keeps at
// least one chair, so nobody can lock the secretariat out by mistake.
import { z } from "zod";
import { announceAccessChange } from "@/lib/access/announce-access-change";
import { type AuditEventInput, recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { SessionUser } from "@/lib/auth/session-user";
import { afterCommit, inTransaction, type Tx } from "@/lib/commands/in-transaction";
import { parseInput } from "@/lib/commands/parse-input";
import { lockUntilCommit } from "@/lib/db/advisory-lock";
import { AppError } from "@/lib/errors/app-error";
import { NOT_FOUND } from "@/lib/errors/messages";
import { ROLES } from "@/lib/permissions/roles";
import { instrumentsOfOrganization, recordAccountEvent, requireAttachReach } from "./account-reach";
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
      const alreadyIn = await requireAttachReach(tx, by, organization, instrumentId);
      await tx.participant.create({ data: { instrumentId, organizationId, role } });
      await recordParticipantEvent(tx, instrumentId, alreadyIn, {
        action: "participant.added",
        actor: by,
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
    // Leaving narrows where its people's accounts count, in every instrument it stays in.
    const elsewhere =
      role === "NONE" ? (await instrumentsOfOrganization(tx, organizationId)).filter((id) => id !== instrumentId) : [];
    if (role === "NONE") await tx.participant.delete({ where: { id: participant.id } });
    else await tx.participant.update({ where: { id: participant.id }, data: { role } });
    await recordParticipantEvent(tx, instrumentId, elsewhere, {
      action: role === "NONE" ? "participant.removed" : "participant.role-changed",
      actor: by,
      target: { type: "organization", id: organizationId },
      details: { organization: participant.organization.code, from: participant.role, to: role },
    });
    afterCommit(tx, () => announceAccessChange({ organizationId }));
    return { organizationId, role, changed: true };
  });
}

/**
 * The instrument's own entry; when the organisation also takes part elsewhere, one entry in each
 * of those trails too, naming the instrument it joined or left (`in`) and every one reached.
 */
async function recordParticipantEvent(
  tx: Tx,
  instrumentId: string,
  elsewhere: readonly string[],
  event: Omit<AuditEventInput, "instrumentId">,
): Promise<void> {
  if (elsewhere.length === 0) return recordAuditEvent(tx, { ...event, instrumentId });
  const here = await tx.instrument.findUniqueOrThrow({ where: { id: instrumentId }, select: { shortTitle: true } });
  await recordAccountEvent(tx, [instrumentId, ...elsewhere], {
    ...event,
    details: { ...event.details, in: here.shortTitle },
  });
}
