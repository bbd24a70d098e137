// Password sign-in against a real PostgreSQL: throttling per account and per address, and the
// audit entries it leaves.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import { DEMO_PASSWORD } from "@/lib/seed/demo-users";
import { seedIfEmpty } from "@/lib/seed/seed-demo-data";
import { passwordSignIn, TOO_MANY_ATTEMPTS } from "./password-sign-in";
import { MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_ADDRESS } from "./sign-in-throttle";

const from = (address: string) => ({ "x-forwarded-for": address });

beforeAll(async () => {
  await seedIfEmpty(prisma);
});

describe("password sign-in", () => {
  it("signs in with the right password", async () => {
    const user = await passwordSignIn({ email: "canada@clausework.demo", password: DEMO_PASSWORD }, from("10.0.0.1"));
    expect(user?.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("locks an account after repeated failures, even for the right password, and audits each failure", async () => {
    const email = "germany@clausework.demo";
    const failedBefore = await prisma.auditEvent.count({ where: { action: "signin.failed" } });
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) {
      // A different address each time: the account itself is what is limited.
      expect(await passwordSignIn({ email, password: "guess" }, from(`10.1.0.${i}`))).toBeNull();
    }
    await expect(passwordSignIn({ email, password: DEMO_PASSWORD }, from("10.1.1.1"))).rejects.toThrow(
      TOO_MANY_ATTEMPTS,
    );
    expect(await prisma.auditEvent.count({ where: { action: "signin.failed" } })).toBe(
      failedBefore + MAX_FAILURES_PER_ACCOUNT,
    );
    const throttled = await prisma.auditEvent.findFirstOrThrow({
      where: { action: "signin.throttled" },
      orderBy: { id: "desc" },
    });
    expect(throttled.details).toMatchObject({ email, address: "10.1.1.1" });
    // Other accounts are not affected.
    expect(
      await passwordSignIn({ email: "france@clausework.demo", password: DEMO_PASSWORD }, from("10.1.1.1")),
    ).not.toBeNull();
  });

  it("limits one address trying many accounts, unknown ones included", async () => {
    const address = "10.2.0.1";
    for (let i = 0; i < MAX_FAILURES_PER_ADDRESS; i++) {
      await passwordSignIn({ email: `nobody-${i}@example.org`, password: "guess" }, from(address));
    }
    await expect(
      passwordSignIn({ email: "jamaica@clausework.demo", password: DEMO_PASSWORD }, from(address)),
    ).rejects.toThrow(TOO_MANY_ATTEMPTS);
    expect(
      await passwordSignIn({ email: "jamaica@clausework.demo", password: DEMO_PASSWORD }, from("10.2.0.2")),
    ).not.toBeNull();
  });
});
