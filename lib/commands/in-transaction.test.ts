// Commands compose: one runs inside another's transaction, and what it queues for after the
// commit waits for the outermost commit — and never runs for work that was rolled back.
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import { afterCommit, inTransaction } from "./in-transaction";

const stamp = () => `tx-test-${Date.now()}-${Math.random().toString(36).slice(2)}`;

async function createOrganization(code: string, effects: string[], tx?: Parameters<typeof inTransaction>[0]) {
  return inTransaction(tx, async (tx) => {
    await tx.organization.create({ data: { name: code, code: code.slice(-12), kind: "OBSERVER", colour: "#000000" } });
    afterCommit(tx, () => {
      effects.push(code);
    });
  });
}

const exists = async (code: string) => (await prisma.organization.count({ where: { code: code.slice(-12) } })) === 1;

describe("inTransaction", () => {
  it("runs a command inside another's transaction, its effects after the outer commit", async () => {
    const effects: string[] = [];
    const [a, b] = [stamp(), stamp()];
    await inTransaction(undefined, async (tx) => {
      await createOrganization(a, effects, tx);
      await createOrganization(b, effects, tx);
      expect(effects).toEqual([]); // nothing announced before the commit
    });
    expect(effects).toEqual([a, b]);
    expect(await exists(a)).toBe(true);
    expect(await exists(b)).toBe(true);
  });

  it("rolls back both and runs no effect when the outer work fails", async () => {
    const effects: string[] = [];
    const [a, b] = [stamp(), stamp()];
    await expect(
      inTransaction(undefined, async (tx) => {
        await createOrganization(a, effects, tx);
        await createOrganization(b, effects, tx);
        throw new Error("refused after both");
      }),
    ).rejects.toThrow("refused after both");
    expect(effects).toEqual([]);
    expect(await exists(a)).toBe(false);
    expect(await exists(b)).toBe(false);
  });

  it("does not report a committed change as failed when an effect throws", async () => {
    const code = stamp();
    await expect(
      inTransaction(undefined, async (tx) => {
        await tx.organization.create({
          data: { name: code, code: code.slice(-12), kind: "OBSERVER", colour: "#000000" },
        });
        afterCommit(tx, () => {
          throw new Error("the room could not be told");
        });
        return "done";
      }),
    ).resolves.toBe("done");
    expect(await exists(code)).toBe(true);
  });
});
