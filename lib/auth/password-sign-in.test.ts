// Password sign-in against a real PostgreSQL: every attempt is counted before its password is
// checked, so a burst gets exactly the allowed number of checks; the limits are per account and
// address, per address, and a higher daily ceiling per account that spares the owners' own
// addresses; refused attempts are audited in aggregate.
import { afterEach, describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db/prisma";
import * as password from "./password";
import { isAuditedRefusalCount, passwordSignIn, TOO_MANY_ATTEMPTS } from "./password-sign-in";
import {
  ACCOUNT_WINDOW_HOURS,
  MAX_FAILURES_PER_ACCOUNT,
  MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS,
  MAX_FAILURES_PER_ADDRESS,
} from "./sign-in-throttle";

// Every check against a password hash goes through here; the spy counts them.
vi.mock("./password", async (importOriginal) => {
  const original = await importOriginal<typeof import("./password")>();
  return { ...original, verifyPassword: vi.fn(original.verifyPassword) };
});
const verifyPassword = vi.mocked(password.verifyPassword);

const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
const PASSWORD = "correct horse battery staple";
const from = (address: string) => ({ "x-forwarded-for": address });
let counter = 0;
/** A fresh address nobody else in this run uses (198.18.0.0/15 is set aside for tests). */
const address = () => {
  counter++;
  return `198.18.${Math.floor(counter / 250)}.${counter % 250}`;
};

async function account(name: string) {
  const email = `${name}-${run}@example.org`;
  const org = await prisma.organization.create({
    data: {
      name: `Sign-in ${name}`,
      code: `S${counter++}${run}`.slice(0, 12),
      kind: "MEMBER_STATE",
      colour: "#224466",
    },
  });
  await prisma.user.create({
    data: {
      email,
      name,
      passwordHash: await password.hashPassword(PASSWORD),
      memberships: { create: { organizationId: org.id } },
    },
  });
  return email;
}

/** "ok", "wrong" (refused after the check) or "throttled" (refused before it). */
async function attempt(email: string, secret: string, at: string): Promise<"ok" | "wrong" | "throttled"> {
  try {
    return (await passwordSignIn({ email, password: secret }, from(at))) ? "ok" : "wrong";
  } catch (error) {
    if (error instanceof Error && error.message === TOO_MANY_ATTEMPTS) return "throttled";
    throw error;
  }
}

afterEach(() => verifyPassword.mockClear());

describe("password sign-in", () => {
  it("signs in with the right password, and checks it once", async () => {
    const email = await account("right");
    expect(await attempt(email, PASSWORD, address())).toBe("ok");
    expect(verifyPassword).toHaveBeenCalledTimes(1);
  });

  it("checks exactly the allowed number of a burst of 30 parallel guesses; the rest are refused unchecked", async () => {
    const email = await account("burst");
    const at = address();
    const outcomes = await Promise.all(Array.from({ length: 30 }, () => attempt(email, "a guess", at)));
    expect(verifyPassword).toHaveBeenCalledTimes(MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS);
    expect(outcomes.filter((o) => o === "wrong")).toHaveLength(MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS);
    expect(outcomes.filter((o) => o === "throttled")).toHaveLength(30 - MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS);
    // Even the right password, from there, now waits.
    expect(await attempt(email, PASSWORD, at)).toBe("throttled");
    expect(verifyPassword).toHaveBeenCalledTimes(MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS);

    // One audit entry per failure checked; the refusals are aggregated, not one entry each.
    const failed = await prisma.auditEvent.count({
      where: { action: "signin.failed", details: { path: ["email"], equals: email } },
    });
    expect(failed).toBe(MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS);
    const refusals = await prisma.signInRefusal.findMany({
      where: { email, address: at, rule: "account-and-address" },
    });
    expect(refusals.reduce((sum, r) => sum + r.refused, 0)).toBe(30 - MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS + 1);
    const throttled = await prisma.auditEvent.findMany({
      where: { action: "signin.throttled", details: { path: ["email"], equals: email } },
    });
    // The 1st and the 10th refusal of the window (two windows, if the test ran across a boundary).
    expect(throttled.length).toBeGreaterThanOrEqual(2);
    expect(throttled.length).toBeLessThanOrEqual(2 * refusals.length);
    for (const entry of throttled) {
      expect(entry.details).toMatchObject({ limit: "account-and-address", address: at });
      expect([1, 10]).toContain((entry.details as { refused: number }).refused);
    }
  });

  it("does not let a stranger's failures elsewhere lock the owner out", async () => {
    const email = await account("owner");
    const stranger = address();
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS; i++)
      expect(await attempt(email, "guess", stranger)).toBe("wrong");
    expect(await attempt(email, PASSWORD, stranger)).toBe("throttled");
    expect(await attempt(email, PASSWORD, address())).toBe("ok");
  });

  it("starts an address's count for an account again after a success there", async () => {
    const email = await account("typo");
    const at = address();
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS - 1; i++)
      expect(await attempt(email, "typo", at)).toBe("wrong");
    expect(await attempt(email, PASSWORD, at)).toBe("ok");
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS - 1; i++)
      expect(await attempt(email, "typo", at)).toBe("wrong");
    expect(await attempt(email, PASSWORD, at)).toBe("ok");
  });

  it("limits one address trying many accounts, unknown ones included", async () => {
    const email = await account("office");
    const at = address();
    // Known and unknown emails, a few guesses each: under the per-account limit, over the address's.
    const emails = Array.from({ length: MAX_FAILURES_PER_ADDRESS }, (_, i) => `nobody-${i}-${run}@example.org`);
    for (const [i, other] of emails.entries()) {
      expect(await attempt(i < MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS - 1 ? email : other, "guess", at)).toBe("wrong");
    }
    expect(await attempt(email, PASSWORD, at)).toBe("throttled");
    expect(await attempt(`another-${run}@example.org`, "guess", at)).toBe("throttled");
    const entry = await prisma.auditEvent.findFirstOrThrow({
      where: { action: "signin.throttled", details: { path: ["address"], equals: at } },
    });
    // An address refused for trying many accounts is one count, whatever the emails.
    expect(entry.details).toMatchObject({ limit: "address", email: null, refused: 1 });
    expect(await prisma.signInRefusal.count({ where: { address: at } })).toBe(1);
    expect(await attempt(email, PASSWORD, address())).toBe("ok");
  });

  it("stops a guess spread over many addresses at the account's daily ceiling, except from an address its owners use", async () => {
    const email = await account("ceiling");
    const home = address();
    expect(await attempt(email, PASSWORD, home)).toBe("ok");
    // A day's guesses from many addresses, each under its own limit.
    const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000);
    await prisma.signInAttempt.createMany({
      data: Array.from({ length: MAX_FAILURES_PER_ACCOUNT }, (_, i) => ({
        email,
        address: `192.0.2.${i}`,
        succeeded: false,
        createdAt: hoursAgo((ACCOUNT_WINDOW_HOURS - 1) * (i / MAX_FAILURES_PER_ACCOUNT)),
      })),
    });
    verifyPassword.mockClear();
    expect(await attempt(email, PASSWORD, address())).toBe("throttled");
    expect(verifyPassword).not.toHaveBeenCalled();
    // The address the account signed in from is not held to the ceiling.
    expect(await attempt(email, PASSWORD, home)).toBe("ok");
    const entry = await prisma.auditEvent.findFirstOrThrow({
      where: { action: "signin.throttled", details: { path: ["email"], equals: email } },
    });
    expect(entry.details).toMatchObject({ limit: "account", address: null });
  });
});

describe("aggregated audit of refusals", () => {
  it("audits the 1st, 10th, 100th … refusal of a window", () => {
    const audited = Array.from({ length: 2000 }, (_, i) => i + 1).filter(isAuditedRefusalCount);
    expect(audited).toEqual([1, 10, 100, 1000]);
  });
});
