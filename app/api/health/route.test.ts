// The load balancer's health check answers 200 only while the database answers.
import { afterAll, describe, expect, it } from "vitest";
import { disconnectPrisma } from "@/lib/db/prisma";
import { GET } from "./route";

const realUrl = process.env.DATABASE_URL;

afterAll(async () => {
  await disconnectPrisma();
  process.env.DATABASE_URL = realUrl;
});

describe("GET /api/health", () => {
  it("is ok while the database is reachable", async () => {
    const response = await GET();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });

  it("answers 503 when the database is down, and recovers when it is back", async () => {
    await disconnectPrisma();
    process.env.DATABASE_URL = "postgres://postgres@127.0.0.1:1/unreachable";
    const down = await GET();
    expect(down.status).toBe(503);
    expect(await down.json()).toEqual({ status: "database unreachable" });
    await disconnectPrisma();
    process.env.DATABASE_URL = realUrl;
    expect((await GET()).status).toBe(200);
  });
});
