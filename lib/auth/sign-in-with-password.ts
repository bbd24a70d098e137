// Email + password check. The same work is done whether or not the email exists, and the
// caller gets only "yes" or "no", so a wrong password never reveals which emails are known.
import { prisma } from "@/lib/db/prisma";
import { UNKNOWN_USER_HASH, verifyPassword } from "./password";

export async function signInWithPassword(email: string, password: string): Promise<{ id: string } | null> {
  const user = await prisma.user.findUnique({ where: { email: email.trim().toLowerCase() } });
  const ok = await verifyPassword(password, user?.passwordHash ?? UNKNOWN_USER_HASH);
  if (!user?.passwordHash || !ok || !user.active) return null;
  return { id: user.id };
}
