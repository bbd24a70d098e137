// Limits on password sign-ins, kept in PostgreSQL so every instance sees the same count.
//
// An attempt is counted before its password is checked: admitSignInAttempt takes a lock per
// account and per address, counts, and writes the attempt (as a failure until it succeeds) in one
// transaction, so a burst of parallel guesses gets exactly the allowed number checked.
//
// The limits (failures only; a success is marked as such once the password matched):
// - one account from one address: 5 in 15 minutes (a success there starts the count again);
// - one address, all accounts together: 30 in 15 minutes (a delegation's office shares one);
// - one account from all addresses: 100 in 24 hours — except from an address the account has
//   signed in from in the last 30 days, so strangers elsewhere cannot lock its owners out.
import { lockUntilCommit } from "@/lib/db/advisory-lock";
import type { Prisma } from "@/lib/db/generated/client";
import { prisma } from "@/lib/db/prisma";

export const THROTTLE_WINDOW_MINUTES = 15;
export const MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS = 5;
export const MAX_FAILURES_PER_ADDRESS = 30;
export const ACCOUNT_WINDOW_HOURS = 24;
export const MAX_FAILURES_PER_ACCOUNT = 100;
/** How long a successful sign-in makes its address known to the account (exempt from its ceiling). */
export const KNOWN_ADDRESS_DAYS = 30;

/** Which limit refused an attempt; also what refused attempts are counted under (SignInRefusal). */
export type SignInLimit = "account-and-address" | "address" | "account";

export type Admission = { admitted: true; attemptId: bigint } | { admitted: false; limit: SignInLimit };

const minutesAgo = (now: number, minutes: number) => new Date(now - minutes * 60_000);

async function exceededLimit(
  tx: Prisma.TransactionClient,
  email: string,
  address: string,
  now: number,
): Promise<SignInLimit | null> {
  const window = minutesAgo(now, THROTTLE_WINDOW_MINUTES);
  const fromAddress = await tx.signInAttempt.count({
    where: { address, succeeded: false, createdAt: { gte: window } },
  });
  if (fromAddress >= MAX_FAILURES_PER_ADDRESS) return "address";

  const lastSuccessHere = await tx.signInAttempt.findFirst({
    where: { email, address, succeeded: true, createdAt: { gte: minutesAgo(now, KNOWN_ADDRESS_DAYS * 24 * 60) } },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  const sincePair = lastSuccessHere && lastSuccessHere.createdAt > window ? lastSuccessHere.createdAt : window;
  const fromPair = await tx.signInAttempt.count({
    where: { email, address, succeeded: false, createdAt: { gt: sincePair } },
  });
  if (fromPair >= MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS) return "account-and-address";

  if (lastSuccessHere) return null; // a known address: the account's ceiling does not apply
  const onAccount = await tx.signInAttempt.count({
    where: { email, succeeded: false, createdAt: { gte: minutesAgo(now, ACCOUNT_WINDOW_HOURS * 60) } },
  });
  return onAccount >= MAX_FAILURES_PER_ACCOUNT ? "account" : null;
}

/** Counts an attempt (as a failure, until settleSignInAttempt says otherwise), or refuses it. */
export async function admitSignInAttempt(email: string, address: string): Promise<Admission> {
  return prisma.$transaction(
    async (tx) => {
      // Always the account first, then the address: no two attempts wait on each other in a cycle.
      await lockUntilCommit(tx, { kind: "sign-in-account", email });
      await lockUntilCommit(tx, { kind: "sign-in-address", address });
      const limit = await exceededLimit(tx, email, address, Date.now());
      if (limit) return { admitted: false, limit } as const;
      const attempt = await tx.signInAttempt.create({ data: { email, address, succeeded: false } });
      return { admitted: true, attemptId: attempt.id } as const;
    },
    // A burst queues on the locks; each holder keeps them for a few short queries.
    { maxWait: 10_000, timeout: 10_000 },
  );
}

/**
 * Marks an admitted attempt as a success once the password matched, and deletes what the limits
 * no longer read: failures older than a day, successes older than the known-address period, and
 * counts of refusals older than a day. The tables then stay small however long the app runs,
 * with no schedule (every instance prunes the shared tables as it writes).
 */
export async function settleSignInAttempt(attemptId: bigint, succeeded: boolean): Promise<void> {
  const now = Date.now();
  const day = minutesAgo(now, ACCOUNT_WINDOW_HOURS * 60);
  await prisma.$transaction([
    ...(succeeded ? [prisma.signInAttempt.update({ where: { id: attemptId }, data: { succeeded: true } })] : []),
    prisma.signInAttempt.deleteMany({
      where: {
        OR: [
          { succeeded: false, createdAt: { lt: day } },
          { createdAt: { lt: minutesAgo(now, KNOWN_ADDRESS_DAYS * 24 * 60) } },
        ],
      },
    }),
    prisma.signInRefusal.deleteMany({ where: { windowStart: { lt: day } } }),
  ]);
}

/**
 * Counts a refused attempt under its limit and 15-minute window, and returns how many the window
 * has refused so far (1 for the first). Counted by what the limit is about — the address alone,
 * the account alone, or both — so an address trying a million emails makes one count, not a million.
 */
export async function countRefusal(email: string, address: string, limit: SignInLimit): Promise<number> {
  const windowMs = THROTTLE_WINDOW_MINUTES * 60_000;
  // Stored as UTC like every Prisma DateTime.
  const windowStart = new Date(Math.floor(Date.now() / windowMs) * windowMs);
  const key = {
    email: limit === "address" ? "" : email,
    address: limit === "account" ? "" : address,
  };
  const [row] = await prisma.$queryRaw<{ refused: number }[]>`
    INSERT INTO "SignInRefusal" (email, address, rule, "windowStart", refused, "lastAt")
    VALUES (${key.email}, ${key.address}, ${limit}, (${windowStart.toISOString()}::timestamptz AT TIME ZONE 'UTC'), 1, (now() AT TIME ZONE 'UTC'))
    ON CONFLICT (email, address, rule, "windowStart")
    DO UPDATE SET refused = "SignInRefusal".refused + 1, "lastAt" = (now() AT TIME ZONE 'UTC')
    RETURNING refused`;
  return row?.refused ?? 1;
}

/** A new password: the guesses against the old one no longer count against the account. */
export async function forgetFailedSignIns(tx: Prisma.TransactionClient, email: string): Promise<void> {
  await tx.signInAttempt.deleteMany({ where: { email, succeeded: false } });
}
