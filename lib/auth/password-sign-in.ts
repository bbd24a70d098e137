// The whole password sign-in as next-auth's credentials provider runs it: refuse while the
// account or address is throttled, check the password, count the attempt, and record the
// outcome in the audit trail. A throttled attempt is refused before the password is checked.
import { recordRefusedSignIn } from "@/lib/audit/record-refused-sign-in";
import { clientAddress } from "./client-address";
import { isSignInThrottled, recordSignInAttempt } from "./sign-in-throttle";
import { signInWithPassword } from "./sign-in-with-password";

/** The error code the sign-in form turns into "too many attempts". */
export const TOO_MANY_ATTEMPTS = "TooManyAttempts";

export async function passwordSignIn(
  credentials: { email?: string; password?: string } | undefined,
  headers: Record<string, string | string[] | undefined> | undefined,
): Promise<{ id: string } | null> {
  const email = (credentials?.email ?? "").trim().toLowerCase().slice(0, 320);
  const address = clientAddress(headers);
  if (await isSignInThrottled(email, address)) {
    await recordRefusedSignIn("signin.throttled", email, address);
    throw new Error(TOO_MANY_ATTEMPTS);
  }
  const user = await signInWithPassword(email, credentials?.password ?? "");
  await recordSignInAttempt(email, address, user !== null);
  if (!user) await recordRefusedSignIn("signin.failed", email, address);
  return user;
}
