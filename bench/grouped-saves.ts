// What grouping a clause's concurrent saves (lib/collab/grouped-saves.ts) changes on the save
// path alone, against one INSERT per save as before, in the same run on a fresh database:
// `writers` connections each save an edit, wait for it to be stored, then save the next, at
// `rate` edits per second each (as the collaboration bench's writers do), or as fast as they can
// with --rate 0. Alternating rounds of each. Reports per save: this process's CPU (the server's
// share of a save), PostgreSQL commits, and the time until stored.
// Prints and writes bench/results/grouped-saves-<date>.json; asserts nothing.
// Run: node --import tsx bench/grouped-saves.ts [--writers 20] [--rate 2] [--seconds 10] [--rounds 3]
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import { parseArgs } from "node:util";
import { appendClauseUpdate } from "@/lib/collab/clause-store";
import { disconnectPrisma, prisma } from "@/lib/db/prisma";
import { createTestDatabase } from "@/lib/db/test-database";
import { seedIfEmpty } from "@/lib/seed/seed-demo-data";
import { summarize } from "./lib/stats";

const { values: flags } = parseArgs({
  options: {
    writers: { type: "string", default: "20" },
    rate: { type: "string", default: "2" },
    seconds: { type: "string", default: "10" },
    rounds: { type: "string", default: "3" },
  },
});

type Save = (clauseId: string, update: Uint8Array, userId: string) => Promise<unknown>;

/** As before grouping: one statement, one commit, per save. */
const oneEach: Save = (clauseId, update, userId) =>
  prisma.$executeRaw`
    INSERT INTO "ClauseUpdate" ("clauseId", "update", "userId")
    VALUES (${clauseId}::uuid, ${Buffer.from(update)}, ${userId}::uuid)`;

async function commits(): Promise<number> {
  const [row] = await prisma.$queryRaw<{ commits: bigint }[]>`
    SELECT xact_commit::bigint AS commits FROM pg_stat_database WHERE datname = current_database()`;
  return Number(row.commits);
}

async function round(save: Save, clauseId: string, userId: string) {
  const writers = Number(flags.writers);
  const interval = Number(flags.rate) > 0 ? 1000 / Number(flags.rate) : 0;
  const end = Date.now() + Number(flags.seconds) * 1000;
  const latencies: number[] = [];
  const commitsBefore = await commits();
  const cpuBefore = process.cpuUsage();
  await Promise.all(
    Array.from({ length: writers }, async (_, w) => {
      if (interval) await new Promise((resolve) => setTimeout(resolve, (w * interval) / writers));
      for (let i = 0; Date.now() < end; i++) {
        const started = performance.now();
        // Two bytes that are not an empty update: the statement's cost does not depend on them.
        await save(clauseId, Uint8Array.of(1, (w + i) % 256, 7), userId);
        latencies.push(performance.now() - started);
        if (interval) await new Promise((resolve) => setTimeout(resolve, interval));
      }
    }),
  );
  const cpu = process.cpuUsage(cpuBefore);
  await new Promise((resolve) => setTimeout(resolve, 1500)); // PostgreSQL 15 publishes counts late
  const saves = latencies.length;
  return {
    saves,
    cpuMsPerSave: Math.round(((cpu.user + cpu.system) / 1000 / saves) * 1000) / 1000,
    commitsPerSave: Math.round((((await commits()) - commitsBefore - 2) / saves) * 100) / 100,
    storedMs: summarize(latencies),
    load: Math.round(os.loadavg()[0] * 10) / 10,
  };
}

async function main() {
  const database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  try {
    await seedIfEmpty(prisma);
    const clause = await prisma.clause.findFirstOrThrow({ where: { number: "14" } });
    const chair = await prisma.user.findUniqueOrThrow({ where: { email: "chair@clausework.demo" } });
    const rounds: { grouped: unknown; oneEach: unknown }[] = [];
    for (let r = 0; r < Number(flags.rounds); r++) {
      const before = await round(oneEach, clause.id, chair.id);
      const grouped = await round(appendClauseUpdate, clause.id, chair.id);
      rounds.push({ oneEach: before, grouped });
      console.log(JSON.stringify(rounds.at(-1)));
    }
    const output = { date: new Date().toISOString(), flags, cores: os.cpus().length, rounds };
    mkdirSync("bench/results", { recursive: true });
    const file = `bench/results/grouped-saves-${output.date.replace(/[:.]/g, "-")}.json`;
    writeFileSync(file, `${JSON.stringify(output, null, 2)}\n`);
    console.log(`written to ${file}`);
  } finally {
    await disconnectPrisma();
    await database.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
