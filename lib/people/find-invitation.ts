// What the invitation page shows: whose link it is, if it still works. Never the token's row.
import { prisma } from "@/lib/db/prisma";
import { hashInvitationToken } from "./invitation-token";

export async function findOpenInvitation(token: string) {
  if (token.length < 20 || token.length > 200) return null;
  const invitation = await prisma.invitation.findUnique({
    where: { tokenHash: hashInvitationToken(token) },
    select: {
      usedAt: true,
      expiresAt: true,
      user: {
        select: {
          name: true,
          email: true,
          active: true,
          memberships: { select: { organization: { select: { name: true } } }, take: 1, orderBy: { createdAt: "asc" } },
        },
      },
    },
  });
  if (!invitation || invitation.usedAt || invitation.expiresAt < new Date() || !invitation.user.active) return null;
  return {
    name: invitation.user.name,
    email: invitation.user.email,
    organizationName: invitation.user.memberships[0]?.organization.name ?? "",
  };
}
