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
import { parseInput } from "@/lib/commands/parse-input";
import { AppError } from "@/lib/errors/app-error";
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

export async function acceptInvitation(raw: unknown): Promise<{ email: string }> {
  const { token, password } = parseInput(ZAcceptInvitation, raw);
  const passwordHash = await hashPassword(password);
  const person = await auditedTransaction(async (tx) => {
    const invitation = await tx.invitation.findUnique({
      where: { tokenHash: hashInvitationToken(token) },
      include: { user: { select: { id: true, name: true, email: true, active: true } } },
    });
    if (!invitation || invitation.usedAt || invitation.expiresAt < new Date() || !invitation.user.active) {
      throw new AppError("not_found", LINK_NOT_VALID);
    }
    // Spent only once, even when two tabs submit at the same moment.
    const spent = await tx.invitation.updateMany({
      where: { id: invitation.id, usedAt: null },
      data: { usedAt: new Date() },
    });
    if (spent.count !== 1) throw new AppError("not_found", LINK_NOT_VALID);
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
  return { email: person.email };
}
