// Who an OIDC (single sign-on) sign-in is for. Only people the secretariat already registered
// are admitted, matched by email — and only an email the identity provider says it verified
// (`email_verified: true` in the ID token's claims), since many providers let a user type any
// address into their profile. A provider that does not send the claim admits nobody.
import { prisma } from "@/lib/db/prisma";

export type OidcClaims = { email?: unknown; email_verified?: unknown };

export type OidcSignIn = { userId: string } | { refused: "EmailNotVerified" | "NotRegistered" };

export async function oidcSignIn(claims: OidcClaims | undefined): Promise<OidcSignIn> {
  if (claims?.email_verified !== true) return { refused: "EmailNotVerified" };
  const email = typeof claims.email === "string" ? claims.email.trim().toLowerCase() : "";
  const known = email ? await prisma.user.findUnique({ where: { email }, select: { id: true, active: true } }) : null;
  if (!known?.active) return { refused: "NotRegistered" };
  return { userId: known.id };
}
