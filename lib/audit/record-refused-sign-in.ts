// A sign-in attempt that signed nobody in (a wrong password, or refused while throttled), for
// the audit trail. When the email is an account, the entry is about that account (target user),
// so the chairs of the instruments that person takes part in see it (audit-visibility.ts). An
// email that is no account — a stranger's, a typo, a password typed in the wrong field — is not
// stored: only a keyed digest of it, enough to tell that the same thing was typed again, which
// no one can turn back into what was typed without the server's secret.
import { createHmac } from "node:crypto";
import { prisma } from "@/lib/db/prisma";
import { recordAuditEventAlone } from "./record-audit-event";

export type RefusedSignIn = "signin.failed" | "signin.throttled";

/** `email` or `address` null: the entry is not about one (an address trying many accounts). */
export async function recordRefusedSignIn(
  action: RefusedSignIn,
  email: string | null,
  address: string | null,
  extra: Record<string, unknown> = {},
): Promise<void> {
  const account = email ? await prisma.user.findUnique({ where: { email }, select: { id: true } }) : null;
  await recordAuditEventAlone(
    account
      ? { action, target: { type: "user", id: account.id }, details: { ...extra, email, address } }
      : {
          action,
          details:
            email === null
              ? { ...extra, email: null, address }
              : { ...extra, unknownEmailDigest: unknownEmailDigest(email), address },
        },
  );
}

export function unknownEmailDigest(email: string): string {
  return createHmac("sha256", process.env.NEXTAUTH_SECRET ?? "")
    .update(`clausework:audit:unknown-email:${email}`)
    .digest("hex")
    .slice(0, 16);
}
