// One-time sign-in links. The token is shown once (to the admin, to pass on); only its SHA-256
// is stored, so a copy of the database cannot be turned into working links.
import { createHash, randomBytes } from "node:crypto";
import type { Prisma } from "@/lib/db/generated/client";

export const INVITATION_DAYS = 7;

export function hashInvitationToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function invitationLink(token: string): string {
  const base = (process.env.NEXTAUTH_URL ?? "http://localhost:3000").replace(/\/$/, "");
  return `${base}/invitation/${token}`;
}

/** Issues a new link for a person; links issued to them before stop working. */
export async function issueInvitation(tx: Prisma.TransactionClient, userId: string, createdById: string) {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + INVITATION_DAYS * 24 * 60 * 60 * 1000);
  await tx.invitation.deleteMany({ where: { userId, usedAt: null } });
  await tx.invitation.create({ data: { userId, tokenHash: hashInvitationToken(token), expiresAt, createdById } });
  return { link: invitationLink(token), expiresAt: expiresAt.toISOString() };
}
