// Single sign-on admits a registered, active person only by an email the identity provider
// verified: next-auth's signIn callback, as it runs after the provider's callback, on a real
// PostgreSQL.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import { authOptions } from "./options";

const callbacks = authOptions.callbacks as Required<NonNullable<typeof authOptions.callbacks>>;
const run = Date.now().toString(36);
const registered = `sso-${run}@example.org`;
const deactivated = `sso-gone-${run}@example.org`;
let registeredId: string;

/** What next-auth passes after an OIDC callback: its user (from profile()) and the raw claims. */
async function signInWith(claims: Record<string, unknown>) {
  const user = { id: String(claims.sub ?? "sub"), email: String(claims.email ?? "") };
  // biome-ignore lint/suspicious/noExplicitAny: next-auth's callback parameters are wide unions; only these fields are read.
  const result = await callbacks.signIn({ user, account: { provider: "oidc", type: "oauth" }, profile: claims } as any);
  return { result, userId: user.id };
}

beforeAll(async () => {
  registeredId = (await prisma.user.create({ data: { email: registered, name: "Registered" } })).id;
  await prisma.user.create({ data: { email: deactivated, name: "Gone", active: false } });
});

describe("single sign-on", () => {
  it("admits a registered person by a verified email, as that person", async () => {
    const { result, userId } = await signInWith({
      sub: "idp-1",
      email: registered.toUpperCase(),
      email_verified: true,
    });
    expect(result).toBe(true);
    expect(userId).toBe(registeredId);
  });

  it("refuses an email the provider did not verify, however it says so, even for a registered person", async () => {
    for (const email_verified of [false, "true", 1, undefined, null]) {
      const { result, userId } = await signInWith({ sub: "idp-2", email: registered, email_verified });
      expect(result).toBe("/signin?error=EmailNotVerified");
      expect(userId).toBe("idp-2");
    }
  });

  it("refuses a verified email nobody registered, and a deactivated person", async () => {
    expect(
      (await signInWith({ sub: "idp-3", email: `stranger-${run}@example.org`, email_verified: true })).result,
    ).toBe("/signin?error=NotRegistered");
    expect((await signInWith({ sub: "idp-4", email: deactivated, email_verified: true })).result).toBe(
      "/signin?error=NotRegistered",
    );
    expect((await signInWith({ sub: "idp-5", email_verified: true })).result).toBe("/signin?error=NotRegistered");
  });

  it("leaves password sign-in to its own checks", async () => {
    // biome-ignore lint/suspicious/noExplicitAny: as above.
    expect(await callbacks.signIn({ user: { id: "x" }, account: { provider: "credentials" } } as any)).toBe(true);
  });
});
