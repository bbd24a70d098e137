// The sockets of one person share their periodic session check, in real PostgreSQL: checks
// started together ask once, another person or session version asks on its own, and a check
// started after the sharing window reads the account again (so a deactivation is seen).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import { seedIfEmpty } from "@/lib/seed/seed-demo-data";
import { sharedSessionCheck } from "./shared-session-check";

describe("shared session check", () => {
  let userId: string;
  beforeAll(async () => {
    await seedIfEmpty(prisma);
    const organization = await prisma.organization.findFirstOrThrow({ where: { code: "AUS" } });
    const user = await prisma.user.create({
      data: {
        email: `shared-check-${Date.now()}@example.org`,
        name: "Shared Check",
        memberships: { create: { organizationId: organization.id } },
      },
    });
    userId = user.id;
  });
  afterAll(async () => {
    await prisma.user.delete({ where: { id: userId } });
  });

  it("answers checks started together with one read, and reads again after the window", async () => {
    const first = sharedSessionCheck(userId, 0);
    expect(sharedSessionCheck(userId, 0)).toBe(first);
    expect(sharedSessionCheck(userId, 1)).not.toBe(first);
    expect((await first)?.id).toBe(userId);

    await prisma.user.update({ where: { id: userId }, data: { active: false } });
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const after = sharedSessionCheck(userId, 0);
    expect(after).not.toBe(first);
    expect(await after).toBeNull();
  });
});
