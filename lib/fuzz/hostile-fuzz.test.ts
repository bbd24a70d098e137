// The hostile-client fuzz test (see run-fuzz.ts), bounded for `npm test`: a fixed set of seeds,
// each a fresh clause and a run of random moves. `npm run fuzz -- --cases N` runs it longer.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registerCollabInstance } from "@/lib/collab/collab-instance";
import { type CollabTestServer, startCollabTestServer } from "@/lib/collab/test-support/collab-test-server";
import { prisma } from "@/lib/db/prisma";
import { seedIfEmpty } from "@/lib/seed/seed-demo-data";
import { type FuzzPeople, fuzzPeople, runFuzzCase } from "./run-fuzz";

const SEEDS = [1, 2, 3, 4, 5, 6];
const STEPS = 14;

let server: CollabTestServer;
let people: FuzzPeople;

beforeAll(async () => {
  process.env.NEXTAUTH_SECRET ??= "collab-test-secret";
  await seedIfEmpty(prisma);
  people = await fuzzPeople();
  server = await startCollabTestServer();
  registerCollabInstance(server.collab);
});

afterAll(async () => {
  await server?.stop();
});

describe("hostile clients against the collaboration server", () => {
  for (const seed of SEEDS) {
    it(`keeps the record true under hostile and honest moves (seed ${seed})`, { timeout: 180_000 }, async () => {
      const failure = await runFuzzCase(server.url, people, seed, STEPS);
      expect(failure).toBeNull();
    });
  }
});
