// The sign-in limits' tables keep only what the limits read: old failures, old successes and
// old refusal counts are deleted as new attempts are settled, and what remains still counts.
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import {
  ACCOUNT_WINDOW_HOURS,
  admitSignInAttempt,
  countRefusal,
  KNOWN_ADDRESS_DAYS,
  MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS,
  settleSignInAttempt,
  THROTTLE_WINDOW_MINUTES,
} from "./sign-in-throttle";

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);
const tag = Date.now().toString(36);

describe("sign-in attempts", () => {
  it("are pruned once no limit reads them, on the next settled attempt, while recent ones stay and count", async () => {
    const email = `pruned-${tag}@example.org`;
    const address = "198.19.0.1";
    const old = { email, address, succeeded: false };
    await prisma.signInAttempt.createMany({
      data: [
        // Past the daily ceiling's window: read by nothing.
        ...Array.from({ length: 3 }, () => ({ ...old, createdAt: minutesAgo(ACCOUNT_WINDOW_HOURS * 60 + 1) })),
        // A success still makes its address known; an older one does not.
        { email, address: "198.19.0.2", succeeded: true, createdAt: minutesAgo(60 * 24 * (KNOWN_ADDRESS_DAYS - 1)) },
        { email, address: "198.19.0.3", succeeded: true, createdAt: minutesAgo(60 * 24 * (KNOWN_ADDRESS_DAYS + 1)) },
        // Recent failures: one short of the limit.
        ...Array.from({ length: MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS - 1 }, () => ({
          ...old,
          createdAt: minutesAgo(THROTTLE_WINDOW_MINUTES - 1),
        })),
      ],
    });
    await prisma.signInRefusal.create({
      data: { email, address, rule: "account-and-address", windowStart: minutesAgo(ACCOUNT_WINDOW_HOURS * 60 + 20) },
    });

    const admitted = await admitSignInAttempt(email, address);
    if (!admitted.admitted) throw new Error("refused one short of the limit");
    await settleSignInAttempt(admitted.attemptId, false);

    const left = await prisma.signInAttempt.findMany({ where: { email }, select: { address: true, succeeded: true } });
    expect(left.filter((a) => a.succeeded).map((a) => a.address)).toEqual(["198.19.0.2"]);
    expect(left.filter((a) => !a.succeeded)).toHaveLength(MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS);
    expect(await prisma.signInRefusal.count({ where: { email } })).toBe(0);
    // The recent failures and the new one make the limit: pruning took nothing that counts.
    expect(await admitSignInAttempt(email, address)).toEqual({ admitted: false, limit: "account-and-address" });
  });

  it("counts refusals of one limit and window in one row", async () => {
    const email = `refused-${tag}@example.org`;
    const counts = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        countRefusal(i % 2 ? email : `other-${i}-${tag}@example.org`, "198.19.1.1", "address"),
      ),
    );
    expect(counts.sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    const rows = await prisma.signInRefusal.findMany({ where: { address: "198.19.1.1" } });
    expect(rows.map((r) => ({ email: r.email, rule: r.rule }))).toEqual([{ email: "", rule: "address" }]);
    // The window it is counted in is this one, as Prisma reads times back.
    expect(rows[0].windowStart.getTime()).toBeLessThanOrEqual(Date.now());
    expect(rows[0].windowStart.getTime()).toBeGreaterThan(minutesAgo(THROTTLE_WINDOW_MINUTES).getTime());
    expect(Math.abs(rows[0].lastAt.getTime() - Date.now())).toBeLessThan(60_000);
    expect(await countRefusal(email, "198.19.1.1", "account")).toBe(1);
    expect(await countRefusal(email, "198.19.1.2", "account")).toBe(2);
  });
});
