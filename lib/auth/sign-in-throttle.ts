// Rate limiting of password sign-ins, per account and per address, kept in PostgreSQL so every
// instance sees the same count. Only failures count; a success clears the account's count.
import { prisma } from "@/lib/db/prisma";

export const THROTTLE_WINDOW_MINUTES = 15;
/** Failed attempts on one account in the window before it is locked for the rest of the window. */
export const MAX_FAILURES_PER_ACCOUNT = 5;
/** Failed attempts from one address in the window (a delegation's office shares one address). */
export const MAX_FAILURES_PER_ADDRESS = 30;

export async function isSignInThrottled(email: string, address: string): Promise<boolean> {
  const since = new Date(Date.now() - THROTTLE_WINDOW_MINUTES * 60_000);
  const lastSuccess = await prisma.signInAttempt.findFirst({
    where: { email, succeeded: true, createdAt: { gte: since } },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  const [forAccount, forAddress] = await Promise.all([
    prisma.signInAttempt.count({
      where: { email, succeeded: false, createdAt: { gt: lastSuccess?.createdAt ?? since } },
    }),
    prisma.signInAttempt.count({ where: { address, succeeded: false, createdAt: { gte: since } } }),
  ]);
  return forAccount >= MAX_FAILURES_PER_ACCOUNT || forAddress >= MAX_FAILURES_PER_ADDRESS;
}

/**
 * Counts an attempt, and deletes the attempts the window has left behind: nothing older is ever
 * read, and the table then holds one window's attempts however long the app runs (no schedule
 * needed, and every instance prunes the shared table as it writes).
 */
export async function recordSignInAttempt(email: string, address: string, succeeded: boolean): Promise<void> {
  const windowStart = new Date(Date.now() - THROTTLE_WINDOW_MINUTES * 60_000);
  await prisma.$transaction([
    prisma.signInAttempt.create({ data: { email, address, succeeded } }),
    prisma.signInAttempt.deleteMany({ where: { createdAt: { lt: windowStart } } }),
  ]);
}
