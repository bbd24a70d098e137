// The whole password sign-in as next-auth's credentials provider runs it: count the attempt
// (or refuse it, when a limit is reached) before the password is checked, check it, and record
// the outcome in the audit trail. A refused attempt never reaches the password hash.
import { recordRefusedSignIn } from "@/lib/audit/record-refused-sign-in";
import { clientAddress } from "./client-address";
import { admitSignInAttempt, countRefusal, type SignInLimit, settleSignInAttempt } from "./sign-in-throttle";
import { signInWithPassword } from "./sign-in-with-password";

/** The error code the sign-in form turns into "too many attempts". */
export const TOO_MANY_ATTEMPTS = "TooManyAttempts";

/**
 * Refused attempts are audited in aggregate: the 1st, 10th, 100th, … refusal of a limit's
 * 15-minute window writes one entry with the count so far, so a flood of guesses writes a handful
 * of entries, not one each (the exact count is in SignInRefusal).
 */
export function isAuditedRefusalCount(refused: number): boolean {
  return /^10*$/.test(String(refused));
}

async function refuse(email: string, address: string, limit: SignInLimit): Promise<never> {
  const refused = await countRefusal(email, address, limit);
  if (isAuditedRefusalCount(refused)) {
    // What the limit is about: an address trying many accounts is one entry, whatever the emails.
    await recordRefusedSignIn(
      "signin.throttled",
      limit === "address" ? null : email,
      limit === "account" ? null : address,
      { limit, refused },
    );
  }
  throw new Error(TOO_MANY_ATTEMPTS);
}

export async function passwordSignIn(
  credentials: { email?: string; password?: string } | undefined,
  headers: Record<string, string | string[] | undefined> | undefined,
): Promise<{ id: string } | null> {
  const email = (credentials?.email ?? "").trim().toLowerCase().slice(0, 320);
  const address = clientAddress(headers);
  const admission = await admitSignInAttempt(email, address);
  if (!admission.admitted) return refuse(email, address, admission.limit);
  const user = await signInWithPassword(email, credentials?.password ?? "");
  await settleSignInAttempt(admission.attemptId, user !== null);
  if (!user) await recordRefusedSignIn("signin.failed", email, address);
  return user;
}
