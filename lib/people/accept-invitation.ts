import "server-only";
// The invited person sets their password through the one-time link. The token is the only
// permission here (there is no session yet); it works once, before it expires, for an active
// person, and is spent in the same transaction that sets the password. A new password ends every
// session the person had (whoever holds a copy of one) and forgets the failed sign-ins counted
// against the old one.
import { z } from "zod";
import { announceAccessChange } from "@/lib/access/announce-access-change";
import { auditedTransaction } from "@/lib/audit/audited-transaction";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { endEverySession } from "@/lib/auth/end-every-session";
import { hashPassword } from "@/lib/auth/password";
import { forgetFailedSignIns } from "@/lib/auth/sign-in-throttle";
import { DoorRefusal, type DoorResult } from "@/lib/doors/door-result";
import { log } from "@/lib/log";
import { hashInvitationToken } from "./invitation-token";
import { MIN_PASSWORD_LENGTH } from "./password-rules";

export const LINK_NOT_VALID = "This sign-in link has been used or has expired. Ask the secretariat for a new one.";

export const ZAcceptInvitation = z.object({
  token: z.string({ message: LINK_NOT_VALID }).min(20, LINK_NOT_VALID).max(200, LINK_NOT_VALID),
  password: z
    .string({ message: "Choose a password." })
    .min(MIN_PASSWORD_LENGTH, `Choose a password of at least ${MIN_PASSWORD_LENGTH} characters.`)
    .max(200, "Choose a password of at most 200 characters."),
});

export async function acceptInvitation(raw: unknown): Promise<DoorResult<{ email: string }>> {
  try {
    const parsed = ZAcceptInvitation.safeParse(raw);
    if (!parsed.success) throw new DoorRefusal(400, parsed.error.issues.map((issue) => issue.message).join("; "));
    const { token, password } = parsed.data;
    const passwordHash = await hashPassword(password);
    const person = await auditedTransaction(async (tx) => {
      const invitation = await tx.invitation.findUnique({
        where: { tokenHash: hashInvitationToken(token) },
        include: { user: { select: { id: true, name: true, email: true, active: true } } },
      });
      if (!invitation || invitation.usedAt || invitation.expiresAt < new Date() || !invitation.user.active) {
        throw new DoorRefusal(404, LINK_NOT_VALID);
      }
      // Spent only once, even when two tabs submit at the same moment.
      const spent = await tx.invitation.updateMany({
        where: { id: invitation.id, usedAt: null },
        data: { usedAt: new Date() },
      });
      if (spent.count !== 1) throw new DoorRefusal(404, LINK_NOT_VALID);
      await tx.user.update({ where: { id: invitation.user.id }, data: { passwordHash } });
      await endEverySession(tx, invitation.user.id);
      await forgetFailedSignIns(tx, invitation.user.email);
      await recordAuditEvent(tx, {
        action: "person.password-set",
        actor: { id: invitation.user.id, name: invitation.user.name, organizationId: null, organizationCode: null },
        target: { type: "user", id: invitation.user.id },
        details: { email: invitation.user.email, through: "sign-in link" },
      });
      return invitation.user;
    });
    announceAccessChange({ userId: person.id });
    return { ok: true, value: { email: person.email } };
  } catch (error) {
    if (error instanceof DoorRefusal) return { ok: false, status: error.status, error: error.message };
    log.error({ event: "invitation.failed", err: error }, "could not accept invitation");
    return {
      ok: false,
      status: 503,
      error: "The server could not complete this just now. Nothing was changed; try again.",
    };
  }
}
