// An outage is told from a real error with the errors Prisma really throws.
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "./database-unavailable";
import { PrismaClient } from "./generated/client";
import { prisma } from "./prisma";

const unreachable = new PrismaClient({
  adapter: new PrismaPg({
    connectionString: "postgres://postgres@127.0.0.1:1/nowhere",
    connectionTimeoutMillis: 2_000,
  }),
});

afterAll(() => unreachable.$disconnect());

async function errorOf(query: Promise<unknown>): Promise<unknown> {
  return query.then(
    () => null,
    (error: unknown) => error,
  );
}

describe("isDatabaseUnavailable", () => {
  it("is true when the server cannot be reached", async () => {
    const error = await errorOf(unreachable.user.findFirst());
    expect(error).not.toBeNull();
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it("is false for a refused write and for other errors", async () => {
    const error = await errorOf(
      prisma.clauseUpdate.create({
        data: { clauseId: "00000000-0000-4000-8000-000000000000", update: Buffer.from([1]), userId: null },
      }),
    );
    expect(error).not.toBeNull();
    expect(isDatabaseUnavailable(error)).toBe(false);
    expect(isDatabaseUnavailable(new Error("something else"))).toBe(false);
    expect(isDatabaseUnavailable(undefined)).toBe(false);
  });

  it("is true for a connection that died mid-query, as pg reports it", () => {
    expect(isDatabaseUnavailable(new Error("Connection terminated unexpectedly"))).toBe(true);
    expect(
      isDatabaseUnavailable({ code: "57P01", message: "terminating connection due to administrator command" }),
    ).toBe(true);
  });
});
