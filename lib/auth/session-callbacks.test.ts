// The web session follows the lifetime rule: next-auth's callbacks stamp the sign-in, slide the
// idle limit on each read of the session, and give no person for an idle or too old session.
import type { Session } from "next-auth";
import type { JWT } from "next-auth/jwt";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import { seedIfEmpty } from "@/lib/seed/seed-demo-data";
import { authOptions } from "./options";
import { ABSOLUTE_HOURS, IDLE_MINUTES } from "./session-lifetime";

const MINUTE = 60_000;
let userId: string;
const callbacks = authOptions.callbacks as Required<NonNullable<typeof authOptions.callbacks>>;

// biome-ignore lint/suspicious/noExplicitAny: next-auth's callback parameters are wide unions; only these fields are read.
const jwt = (params: Record<string, unknown>) => callbacks.jwt(params as any) as Promise<JWT>;
const sessionFor = async (token: JWT) =>
  // biome-ignore lint/suspicious/noExplicitAny: as above.
  (await callbacks.session({ session: { expires: "" } as Session, token } as any)) as Partial<Session>;

beforeAll(async () => {
  await seedIfEmpty(prisma);
  userId = (await prisma.user.findUniqueOrThrow({ where: { email: "canada@clausework.demo" } })).id;
});

describe("the web session", () => {
  it("is stamped at sign-in, and a later read slides only its idle limit", async () => {
    const before = Date.now();
    const signedIn = await jwt({ token: {}, user: { id: userId } });
    expect(signedIn.uid).toBe(userId);
    expect(signedIn.signedInAt).toBeGreaterThanOrEqual(before);
    expect(signedIn.activeAt).toBe(signedIn.signedInAt);

    const earlier = { ...signedIn, signedInAt: before - 3 * 60 * MINUTE, activeAt: before - 30 * MINUTE };
    const read = await jwt({ token: earlier });
    expect(read.signedInAt).toBe(earlier.signedInAt);
    expect(read.activeAt).toBeGreaterThanOrEqual(before);
    expect((await sessionFor(read)).user?.organizationCode).toBe("CAN");
  });

  it("gives no person once idle too long, and reading it does not revive it", async () => {
    const now = Date.now();
    const idle = { uid: userId, signedInAt: now - 2 * 60 * MINUTE, activeAt: now - IDLE_MINUTES * MINUTE - 1000 };
    const read = await jwt({ token: idle });
    expect(read.activeAt).toBe(idle.activeAt);
    expect((await sessionFor(read)).user).toBeUndefined();
  });

  it("gives no person after the absolute limit from sign-in, however recently active", async () => {
    const now = Date.now();
    const old = { uid: userId, signedInAt: now - ABSOLUTE_HOURS * 60 * MINUTE - 1000, activeAt: now - MINUTE };
    expect((await sessionFor(await jwt({ token: old }))).user).toBeUndefined();
  });
});
