// The sign-in attempts table keeps one rate-limit window's rows: older ones are deleted as new
// attempts are written, and what remains still counts.
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import {
  isSignInThrottled,
  MAX_FAILURES_PER_ACCOUNT,
  recordSignInAttempt,
  THROTTLE_WINDOW_MINUTES,
} from "./sign-in-throttle";

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);

describe("sign-in attempts", () => {
  it("are pruned once older than the window, on the next write, while recent ones stay and count", async () => {
    const email = `pruned-${Date.now()}@example.org`;
    const address = `10.9.${Date.now() % 250}.1`;
    await prisma.signInAttempt.createMany({
      data: [
        ...Array.from({ length: 3 }, () => ({
          email,
          address,
          succeeded: false,
          createdAt: minutesAgo(THROTTLE_WINDOW_MINUTES + 1),
        })),
        { email: "someone-else@example.org", address: "10.9.0.9", succeeded: true, createdAt: minutesAgo(60 * 24) },
        ...Array.from({ length: MAX_FAILURES_PER_ACCOUNT - 1 }, () => ({
          email,
          address,
          succeeded: false,
          createdAt: minutesAgo(THROTTLE_WINDOW_MINUTES - 1),
        })),
      ],
    });
    expect(await isSignInThrottled(email, address)).toBe(false);

    await recordSignInAttempt(email, address, false);

    const stale = await prisma.signInAttempt.count({
      where: { createdAt: { lt: minutesAgo(THROTTLE_WINDOW_MINUTES) } },
    });
    expect(stale).toBe(0);
    expect(await prisma.signInAttempt.count({ where: { email } })).toBe(MAX_FAILURES_PER_ACCOUNT);
    // The recent failures and the new one make the limit: pruning took nothing that counts.
    expect(await isSignInThrottled(email, address)).toBe(true);
  });
});
