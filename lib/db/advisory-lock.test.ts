import { describe, expect, it } from "vitest";
import { lockText, lockUntilCommit } from "./advisory-lock";
import { prisma } from "./prisma";

describe("advisory locks", () => {
  it("render the text they always hashed, so an instance running older code takes the same lock", () => {
    expect(lockText({ kind: "proposals", clauseId: "c" })).toBe("proposals:c");
    expect(lockText({ kind: "clause", clauseId: "c" })).toBe("clause:c");
    expect(lockText({ kind: "audit-trail" })).toBe("clausework:audit-trail");
    expect(lockText({ kind: "sign-in-account", email: "a@b" })).toBe("a@b");
  });

  it("make a second transaction on the same key wait for the first to commit", async () => {
    const key = { kind: "chapter-order", chapterId: `lock-test-${Date.now()}` } as const;
    const order: string[] = [];
    let releaseFirst = () => {};
    const firstHolds = new Promise<void>((resolve) => {
      releaseFirst = resolve;
    });
    let firstLocked = () => {};
    const locked = new Promise<void>((resolve) => {
      firstLocked = resolve;
    });
    const first = prisma.$transaction(async (tx) => {
      await lockUntilCommit(tx, key);
      firstLocked();
      await firstHolds;
      order.push("first done");
    });
    await locked;
    const second = prisma.$transaction(async (tx) => {
      await lockUntilCommit(tx, key);
      order.push("second locked");
    });
    // The second is waiting; let the first finish.
    await new Promise((resolve) => setTimeout(resolve, 100));
    order.push("released");
    releaseFirst();
    await Promise.all([first, second]);
    expect(order).toEqual(["released", "first done", "second locked"]);
  });
});
