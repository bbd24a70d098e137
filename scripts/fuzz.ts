// Runs the hostile-client fuzz test longer than `npm test` does, on a fresh database:
//   npm run fuzz -- --cases 200 [--steps 20] [--seed 1000]
// Prints each failing case with its seed (replay it with --seed <seed> --cases 1) and exits 1
// if any failed.
import { parseArgs } from "node:util";
import { registerCollabInstance } from "@/lib/collab/collab-instance";
import { startCollabTestServer } from "@/lib/collab/test-support/collab-test-server";
import { createTestDatabase } from "@/lib/db/test-database";

const { values } = parseArgs({
  options: {
    cases: { type: "string", default: "50" },
    steps: { type: "string", default: "20" },
    seed: { type: "string", default: String(Date.now() % 100_000) },
  },
});
const cases = Number(values.cases);
const steps = Number(values.steps);
const firstSeed = Number(values.seed);

const database = await createTestDatabase();
process.env.DATABASE_URL = database.url;
process.env.NEXTAUTH_SECRET ??= "fuzz-secret";
process.env.LOG_LEVEL ??= "error";
// Imported after DATABASE_URL is set: they open the pool on first use.
const { prisma, disconnectPrisma } = await import("@/lib/db/prisma");
const { seedIfEmpty } = await import("@/lib/seed/seed-demo-data");
const { fuzzPeople, runFuzzCase } = await import("@/lib/fuzz/run-fuzz");

let failed = 0;
const server = await startCollabTestServer();
try {
  await seedIfEmpty(prisma);
  registerCollabInstance(server.collab);
  const people = await fuzzPeople();
  const tally = new Map<string, number>();
  for (let i = 0; i < cases; i++) {
    const seed = firstSeed + i;
    const failure = await runFuzzCase(server.url, people, seed, steps, tally);
    if (failure) {
      failed++;
      console.log(`FAIL seed ${seed}, step ${failure.step}, ${failure.move}: ${failure.problem}`);
    } else console.log(`ok   seed ${seed} (${steps} moves)`);
  }
  console.log(
    `${cases - failed} of ${cases} cases kept the record true (seeds ${firstSeed}–${firstSeed + cases - 1}).`,
  );
} finally {
  await server.stop();
  await disconnectPrisma();
  await database.drop();
}
process.exit(failed > 0 ? 1 : 0);
