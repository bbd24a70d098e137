// npm run bench — measures Clausework's collaboration server against a bare in-memory
// Hocuspocus server in the same run, and prints/writes the figures (bench/results/<date>.json).
// It measures; it never asserts. Sizes default to the full scenarios; flags turn them down:
//   --clients 200 --followers 1000 --clauses 50 --per-clause 10 --long-words 20000
//   --writers 20 --rate 2 --duration 15 --ramp 20,50,100,200,400 --ramp-clients 50
//   --skip delegates,followers,plenary,clauses,long,ramp,instances,page
//   --rounds 3   each scenario measured in alternating rounds (ours, reference, ours, …): on a
//                shared machine the load drifts over a run, and alternating spreads that drift over
//                both sides; the reported ratio is the median of the rounds' ratios

import { execSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import { parseArgs } from "node:util";
import { findSessionUser } from "@/lib/auth/find-session-user";
import { clauseDocumentName } from "@/lib/collab/clause-document-name";
import { compactClause } from "@/lib/collab/clause-store";
import { disconnectPrisma, prisma } from "@/lib/db/prisma";
import { createTestDatabase } from "@/lib/db/test-database";
import { DEMO_PASSWORD } from "@/lib/seed/demo-users";
import { createBenchClauses } from "./lib/bench-clauses";
import { ClientPool, type PoolResult } from "./lib/client-pool";
import type { ClientSpec, Proposer } from "./lib/client-worker";
import { firstLoadJs, timeToEditable } from "./lib/page-speed";
import { plenaryFollowing } from "./lib/plenary-following";
import { ServerProcess } from "./lib/server-process";
import { signIn } from "./lib/sign-in";
import { ratio, type Summary, summarize } from "./lib/stats";

const { values: flags } = parseArgs({
  options: {
    clients: { type: "string", default: "200" },
    followers: { type: "string", default: "1000" },
    clauses: { type: "string", default: "50" },
    "per-clause": { type: "string", default: "10" },
    "long-words": { type: "string", default: "20000" },
    writers: { type: "string", default: "20" },
    rate: { type: "string", default: "2" },
    duration: { type: "string", default: "15" },
    ramp: { type: "string", default: "20,50,100,200,400" },
    "ramp-clients": { type: "string", default: "50" },
    skip: { type: "string", default: "" },
    rounds: { type: "string", default: "1" },
  },
});
const n = (name: keyof typeof flags) => Number(flags[name]);
const skip = new Set(String(flags.skip).split(",").filter(Boolean));
const durationMs = n("duration") * 1000;
/** The servers listen on four ports from here (BENCH_PORT_BASE, default 3900): two benches can run side by side. */
const PORT = Number(process.env.BENCH_PORT_BASE ?? 3900);
const local = (offset: number) => `http://127.0.0.1:${PORT + offset}`;

type Measured = {
  propagation: Summary;
  save: Summary;
  editsSent: number;
  editsSaved: number;
  /** Edits the server refused (only delegates' proposals can be: the guard judged them). */
  refused: number;
  /** What each client that does not write received over the run (what the server sends it). */
  perReader: { messages: number; bytes: number };
  /** Every marker should reach every other client of its document; the percentiles are over the
   * counted ones. missing > 0: the round's wait ran out and the figures are censored. */
  arrivals: PoolResult["arrivals"];
  /** How long after the last edit until everything had arrived (or the wait ran out). */
  drainMs: number;
  cpuCores: number;
  /** The load generator's CPU (this process and its client workers), on the same two cores. */
  harnessCpuCores: number;
  /** Its worker threads and their worst event-loop delay: a saturated generator delays arrivals itself. */
  generator: PoolResult["generator"];
  rssMb: number;
  /** PostgreSQL checkpoints during the round (another process creating or dropping a database
   * forces one, whose fsyncs stall every commit for up to a second on these disks). */
  checkpoints: number;
  /** PostgreSQL's work per saved edit in the bench database during the round (pg_stat_database, pg_stat_user_tables). */
  database: DatabaseWork;
  /** The machine's one-minute load average at the end of the round (2 cores: above 2 is queueing). */
  load: number;
};
type Target = {
  server: ServerProcess;
  writerCookie: string | null;
  readerCookie: string | null;
  followerCookie: string | null;
};

async function measure(
  target: Target,
  clients: ClientSpec[],
  editsPerSecondPerWriter: number,
  afterRun?: () => Promise<void>,
): Promise<Measured> {
  const pool = new ClientPool();
  try {
    await pool.open(target.server.collabUrl, clients);
    const before = target.server.usage();
    const checkpointsBefore = await checkpointCount();
    const databaseBefore = await databaseCounters();
    const harnessBefore = process.cpuUsage();
    const started = Date.now();
    const result = await pool.run(editsPerSecondPerWriter, durationMs);
    const after = target.server.usage();
    const harness = process.cpuUsage(harnessBefore);
    const checkpoints = (await checkpointCount()) - checkpointsBefore;
    // PostgreSQL 15 publishes a backend's counts up to a second late.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const database = perEdit(databaseBefore, await databaseCounters(), result.editsSaved);
    const seconds = (Date.now() - started) / 1000;
    // Before the clients leave: the last one out triggers compaction.
    await afterRun?.();
    await pool.close();
    return {
      propagation: summarize(result.latencies),
      save: summarize(result.saveLatencies),
      editsSent: result.editsSent,
      editsSaved: result.editsSaved,
      refused: result.refused,
      perReader: { messages: result.messagesPerReader, bytes: result.bytesPerReader },
      arrivals: result.arrivals,
      drainMs: result.drainMs,
      cpuCores: Math.round(((after.cpuSeconds - before.cpuSeconds) / seconds) * 100) / 100,
      harnessCpuCores: Math.round(((harness.user + harness.system) / 1e6 / seconds) * 100) / 100,
      generator: result.generator,
      rssMb: after.rssMb,
      checkpoints,
      database,
      load: Math.round(os.loadavg()[0] * 10) / 10,
    };
  } finally {
    await pool.terminate();
  }
}

type DatabaseWork = { commitsPerEdit: number; rowsReadPerEdit: number; rowsWrittenPerEdit: Record<string, number> };
type DatabaseCounters = { commits: number; rowsRead: number; written: Map<string, number> };

async function databaseCounters(): Promise<DatabaseCounters> {
  const [db] = await prisma.$queryRaw<{ commits: bigint; read: bigint }[]>`
    SELECT xact_commit::bigint AS commits, (tup_returned + tup_fetched)::bigint AS read
    FROM pg_stat_database WHERE datname = current_database()`;
  const tables = await prisma.$queryRaw<{ name: string; written: bigint }[]>`
    SELECT relname AS name, (n_tup_ins + n_tup_upd + n_tup_del)::bigint AS written FROM pg_stat_user_tables`;
  return {
    commits: Number(db.commits),
    rowsRead: Number(db.read),
    written: new Map(tables.map((table) => [table.name, Number(table.written)])),
  };
}

/** Per saved edit; the bench's own few queries are counted too (a handful per round). */
function perEdit(before: DatabaseCounters, after: DatabaseCounters, edits: number): DatabaseWork {
  const per = (value: number) => Math.round((value / Math.max(1, edits)) * 100) / 100;
  const rowsWrittenPerEdit: Record<string, number> = {};
  for (const [name, written] of after.written) {
    const delta = written - (before.written.get(name) ?? 0);
    if (delta > 0) rowsWrittenPerEdit[name] = per(delta);
  }
  return {
    commitsPerEdit: per(after.commits - before.commits),
    rowsReadPerEdit: per(after.rowsRead - before.rowsRead),
    rowsWrittenPerEdit,
  };
}

async function checkpointCount(): Promise<number> {
  // PostgreSQL 17 moved the counts from pg_stat_bgwriter to pg_stat_checkpointer.
  const [{ version }] = await prisma.$queryRaw<{ version: number }[]>`
    SELECT current_setting('server_version_num')::int AS version`;
  const [row] =
    version >= 170000
      ? await prisma.$queryRaw<{ count: bigint }[]>`
          SELECT (num_timed + num_requested)::bigint AS count FROM pg_stat_checkpointer`
      : await prisma.$queryRaw<{ count: bigint }[]>`
          SELECT (checkpoints_timed + checkpoints_req)::bigint AS count FROM pg_stat_bgwriter`;
  return Number(row.count);
}

function population(target: Target, documentName: string, size: number, writers: number, followers = 0): ClientSpec[] {
  return [
    ...Array.from({ length: size }, (_, i) => ({
      documentName,
      cookie: i < writers ? target.writerCookie : target.readerCookie,
      writer: i < writers,
      presence: true,
    })),
    ...Array.from({ length: followers }, () => ({
      documentName,
      cookie: target.followerCookie,
      writer: false,
      presence: false,
    })),
  ];
}

/** Signs a delegate in and reads the identity the server will hold its proposals to. */
async function delegate(base: string, email: string): Promise<{ cookie: string; proposer: Proposer }> {
  const cookie = await signIn(base, email, DEMO_PASSWORD);
  const { id } = await prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
  const user = await findSessionUser(id);
  if (!user) throw new Error(`${email} is not an active member of a delegation`);
  const { name, organizationId, organizationCode, organizationName, colour } = user;
  return {
    cookie,
    proposer: { authorId: id, authorName: name, organizationId, organizationCode, organizationName, colour },
  };
}

/** The 200-client population with its writers replaced by delegates typing proposals. */
function proposing(
  target: Target,
  documentName: string,
  size: number,
  delegates: { cookie: string; proposer: Proposer }[],
  writers: number,
): ClientSpec[] {
  return population(target, documentName, size, writers).map((spec, i) =>
    spec.writer ? { ...spec, ...delegates[i % delegates.length] } : spec,
  );
}

function compare(ours: Measured, reference: Measured) {
  return {
    ours,
    reference,
    ratios: {
      p50: ratio(ours.propagation.p50, reference.propagation.p50),
      p95: ratio(ours.propagation.p95, reference.propagation.p95),
      p99: ratio(ours.propagation.p99, reference.propagation.p99),
      cpu: ratio(ours.cpuCores, reference.cpuCores),
    },
  };
}

// The round whose p99 ratio is the median, with every round's ratios kept beside it.
function medianRound(rounds: ReturnType<typeof compare>[]) {
  const sorted = [...rounds].sort((a, b) => a.ratios.p99 - b.ratios.p99);
  const median = sorted[Math.floor((sorted.length - 1) / 2)];
  const disturbances = (round: ReturnType<typeof compare>) => ({
    checkpoints: round.ours.checkpoints + round.reference.checkpoints,
    load: round.ours.load,
    missing: round.ours.arrivals.missing + round.reference.arrivals.missing,
  });
  return rounds.length === 1
    ? median
    : { ...median, rounds: rounds.map((round) => ({ ...round.ratios, ...disturbances(round) })) };
}

async function main() {
  if (!existsSync(".next/BUILD_ID")) execSync("npm run build", { stdio: "inherit" });
  const database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  const secret = "bench-secret-not-for-production";
  // One instance, as the reference is one: no Redis (the instances scenario measures it, below).
  const app = new ServerProcess("app", "server.ts", PORT, {
    DATABASE_URL: database.url,
    NEXTAUTH_SECRET: secret,
    REDIS_URL: "",
  });
  const reference = new ServerProcess("reference", "bench/reference-server.ts", PORT + 1, {});
  const results: Record<string, unknown> = {};
  try {
    await app.start(async () => (await fetch(`${local(0)}/api/health`)).ok);
    await reference.start(async () => (await fetch(`${local(1)}/`)).ok);
    const clauses = await createBenchClauses(n("clauses"), n("long-words"));
    const base = local(0);
    const ours: Target = {
      server: app,
      writerCookie: await signIn(base, "chair@clausework.demo", DEMO_PASSWORD),
      readerCookie: await signIn(base, "australia@clausework.demo", DEMO_PASSWORD),
      followerCookie: await signIn(base, "press@clausework.demo", DEMO_PASSWORD),
    };
    const bare: Target = { server: reference, writerCookie: null, readerCookie: null, followerCookie: null };
    const writers = n("writers");
    const rate = n("rate");
    const plenary = clauseDocumentName(clauses.plenary);
    const run = async (
      name: string,
      build: (t: Target) => ClientSpec[],
      perWriterRate = rate,
      afterOurRun?: () => Promise<void>,
    ) => {
      const began = Date.now();
      process.stderr.write(`· ${name}`);
      const rounds: ReturnType<typeof compare>[] = [];
      for (let round = 0; round < Math.max(1, n("rounds")); round++) {
        // The last round runs the after-run hook: it reads what the scenario stored.
        const last = round === Math.max(1, n("rounds")) - 1;
        const oursMeasured = await measure(ours, build(ours), perWriterRate, last ? afterOurRun : undefined);
        rounds.push(compare(oursMeasured, await measure(bare, build(bare), perWriterRate)));
      }
      const result = medianRound(rounds);
      process.stderr.write(` (${Math.round((Date.now() - began) / 1000)} s)\n`);
      results[name] = result;
      return result;
    };

    let stored = { rows: 0, bytes: 0 };
    const plenaryResult = await run(
      `${n("clients")} clients on one clause`,
      (t) => population(t, plenary, n("clients"), writers),
      rate,
      async () => {
        const [row] = await prisma.$queryRaw<{ rows: bigint; bytes: bigint }[]>`
          SELECT COUNT(*)::bigint AS rows, COALESCE(SUM(octet_length("update")), 0)::bigint AS bytes
          FROM "ClauseUpdate" WHERE "clauseId" = ${clauses.plenary}::uuid`;
        stored = { rows: Number(row.rows), bytes: Number(row.bytes) };
      },
    );
    await compactClause(clauses.plenary);
    const snapshot = await prisma.clauseDocument.findUniqueOrThrow({ where: { clauseId: clauses.plenary } });
    const edits = Math.max(1, plenaryResult.ours.editsSaved);
    results.storage = {
      edits,
      updateRows: stored.rows,
      // Per stored update row (one per edit): the server may already have compacted some rows
      // mid-run (every 500 saves), so the rows still there are the sample.
      bytesPer1000EditsBeforeCompaction: stored.rows ? Math.round((stored.bytes / stored.rows) * 1000) : 0,
      snapshotBytesAfterCompaction: snapshot.snapshot.length,
    };

    if (!skip.has("delegates")) {
      // Ours only: the reference has no guard to judge proposals. Compared with the reference's
      // plain typing in the 200-client scenario above (same clients, rate and clause).
      const accounts = ["australia", "canada", "france", "germany", "jamaica", "new-zealand", "philippines", "armenia"];
      const delegates = await Promise.all(accounts.map((name) => delegate(base, `${name}@clausework.demo`)));
      const name = `${n("clients")} clients, ${writers} of them delegates typing proposals (ours only)`;
      process.stderr.write(`· ${name}`);
      const rounds: Measured[] = [];
      for (let round = 0; round < Math.max(1, n("rounds")); round++)
        rounds.push(await measure(ours, proposing(ours, plenary, n("clients"), delegates, writers), rate));
      process.stderr.write("\n");
      const median = [...rounds].sort((a, b) => a.propagation.p99 - b.propagation.p99)[
        Math.floor((rounds.length - 1) / 2)
      ];
      const plainReference = plenaryResult.reference;
      results.delegatesProposing = {
        ours: median,
        referencePlainTyping: plainReference,
        ratios: {
          p50: ratio(median.propagation.p50, plainReference.propagation.p50),
          p99: ratio(median.propagation.p99, plainReference.propagation.p99),
          cpu: ratio(median.cpuCores, plainReference.cpuCores),
        },
        rounds: rounds.map((round) => ({ p99: round.propagation.p99, refused: round.refused, load: round.load })),
        note: "the reference's figure is its plain typing (median round of the 200-client scenario): it has no guard",
      };
    }

    if (!skip.has("followers")) {
      await run(`${n("clients")} clients + ${n("followers")} read-only followers`, (t) =>
        population(t, plenary, n("clients"), writers, n("followers")),
      );
    }

    if (!skip.has("plenary")) {
      // Plenary mode (lib/plenary): the chair presents, the followers follow (bench/lib/plenary-following.ts).
      process.stderr.write(`· plenary: 1 presenter + ${n("followers")} followers\n`);
      const presented = clauseDocumentName(clauses.many[clauses.many.length - 1]);
      results.plenaryFollowing = await plenaryFollowing(
        { server: app, presenterCookie: ours.writerCookie, followerCookie: ours.followerCookie, plenary: true },
        { server: reference, presenterCookie: null, followerCookie: null, plenary: false },
        presented,
        n("followers"),
        durationMs,
      );
    }

    if (!skip.has("clauses")) {
      const perClause = n("per-clause");
      const before = { ours: app.usage().rssMb, reference: reference.usage().rssMb };
      const spread = await run(`${n("clauses")} clauses × ${perClause} clients`, (t) =>
        clauses.many.flatMap((id) => population(t, clauseDocumentName(id), perClause, 1)),
      );
      results.memoryPerOpenClauseMb = {
        ours: Math.round(((spread.ours.rssMb - before.ours) / n("clauses")) * 100) / 100,
        reference: Math.round(((spread.reference.rssMb - before.reference) / n("clauses")) * 100) / 100,
        note: "resident memory while every clause is open with its clients, minus before, per clause",
      };
    }

    if (!skip.has("long")) {
      await run(`long clause (${n("long-words")} words) × 10 clients`, (t) =>
        population(t, clauseDocumentName(clauses.long), 10, 2),
      );
    }

    if (!skip.has("ramp")) {
      const steps = String(flags.ramp).split(",").map(Number);
      const ramp: Record<string, unknown>[] = [];
      for (const total of steps) {
        const perWriter = total / writers;
        const step = await run(
          `ramp ${total} edits/s`,
          (t) => population(t, plenary, n("clients"), writers),
          perWriter,
        );
        ramp.push({ editsPerSecond: total, ours: step.ours.propagation, reference: step.reference.propagation });
        delete results[`ramp ${total} edits/s`];
      }
      const sustained = (side: "ours" | "reference") => {
        const first = (ramp[0][side] as Summary).p95;
        const ok = ramp.filter((step) => (step[side] as Summary).p95 <= Math.max(2 * first, first + 50));
        return ok.length ? (ok[ok.length - 1].editsPerSecond as number) : 0;
      };
      results.sustainedEditsPerSecond = {
        ours: sustained("ours"),
        reference: sustained("reference"),
        steps: ramp,
        rule: "highest step whose p95 stays within 2× (or +50 ms of) the first step's",
      };
    }

    if (!skip.has("instances") && process.env.REDIS_URL !== "") {
      results.twoInstances = await twoInstances(database.url, secret, clauses.plenary, writers);
    }

    if (!skip.has("page")) {
      results.firstLoadJs = await firstLoadJs(base, `/clauses/${clauses.plenary}`, ours.writerCookie as string);
      results.timeToEditableMs = await timeToEditable(base, ours.writerCookie as string, {
        "demo clause": (await prisma.clause.findFirstOrThrow({ where: { number: "14" } })).id,
        [`long clause (${n("long-words")} words)`]: clauses.long,
      });
    }
  } finally {
    await app.stop();
    await reference.stop();
    await disconnectPrisma();
    await database.drop();
  }
  report(results);
}

async function twoInstances(databaseUrl: string, secret: string, clauseId: string, writers: number) {
  process.stderr.write("· two instances through Redis\n");
  const env = {
    DATABASE_URL: databaseUrl,
    NEXTAUTH_SECRET: secret,
    REDIS_URL: process.env.REDIS_URL ?? "redis://127.0.0.1:6379",
  };
  const a = new ServerProcess("instance A", "server.ts", PORT + 2, env);
  const b = new ServerProcess("instance B", "server.ts", PORT + 3, env);
  try {
    await a.start(async () => (await fetch(`${local(2)}/api/health`)).ok);
    await b.start(async () => (await fetch(`${local(3)}/api/health`)).ok);
    const writerCookie = await signIn(local(2), "chair@clausework.demo", DEMO_PASSWORD);
    const readerCookie = await signIn(local(2), "australia@clausework.demo", DEMO_PASSWORD);
    const name = clauseDocumentName(clauseId);
    const writersSpec = Array.from({ length: writers }, () => ({
      documentName: name,
      cookie: writerCookie,
      writer: true,
      presence: true,
    }));
    const readersSpec = Array.from({ length: 100 }, () => ({
      documentName: name,
      cookie: readerCookie,
      writer: false,
      presence: true,
    }));
    // The same clients, rate and servers, alternating: the readers on A with the writers (one
    // instance; Redis still in use), then on B (every measured arrival crossed Redis).
    const measureOnce = async (readersOn: ServerProcess) => {
      const onA = new ClientPool(1);
      const onB = new ClientPool(1);
      try {
        await onA.open(a.collabUrl, writersSpec);
        await onB.open(readersOn.collabUrl, readersSpec);
        // Both pools write (only A has writers), then both wait for every marker A sent.
        const [sentA, sentB] = await Promise.all([
          onA.write(Number(flags.rate), durationMs),
          onB.write(Number(flags.rate), durationMs),
        ]);
        const sent = { ...sentB, ...sentA };
        const [resultA, resultB] = await Promise.all([onA.drain(sent), onB.drain(sent)]);
        await onA.close();
        await onB.close();
        return {
          propagation: summarize(resultB.latencies),
          arrivals: resultB.arrivals,
          save: summarize(resultA.saveLatencies),
          editsSent: resultA.editsSent,
          editsSaved: resultA.editsSaved,
          load: Math.round(os.loadavg()[0] * 10) / 10,
        };
      } finally {
        await onA.terminate();
        await onB.terminate();
      }
    };
    const rounds: {
      single: Awaited<ReturnType<typeof measureOnce>>;
      cross: Awaited<ReturnType<typeof measureOnce>>;
    }[] = [];
    for (let round = 0; round < Math.max(1, n("rounds")); round++)
      rounds.push({ single: await measureOnce(a), cross: await measureOnce(b) });
    const withRatio = rounds.map((round) => ({
      ...round,
      p99Ratio: ratio(round.cross.propagation.p99, round.single.propagation.p99),
    }));
    const median = [...withRatio].sort((x, y) => x.p99Ratio - y.p99Ratio)[Math.floor((withRatio.length - 1) / 2)];
    return {
      writersOnA: writers,
      readers: 100,
      singleInstance: median.single,
      crossInstance: median.cross,
      p99RatioCrossToSingle: median.p99Ratio,
      rounds: withRatio.map((round) => ({
        p99Ratio: round.p99Ratio,
        singleP99: round.single.propagation.p99,
        crossP99: round.cross.propagation.p99,
        load: round.cross.load,
      })),
    };
  } finally {
    await a.stop();
    await b.stop();
  }
}

/** "counted/expected", with what never arrived named: a censored measurement shows in the table. */
function arrived(measured: Measured): string {
  const { counted, expected, missing } = measured.arrivals;
  return `${counted}/${expected}${missing ? `, ${missing} missing` : ""}`;
}

function report(results: Record<string, unknown>) {
  const machine = { cores: os.cpus().length, memoryGb: Math.round(os.totalmem() / 1024 ** 3), node: process.version };
  const output = {
    date: new Date().toISOString(),
    machine,
    command: `npm run bench -- ${process.argv.slice(2).join(" ")}`.trim(),
    flags,
    reference: "plain Hocuspocus 4 server, no auth, no extensions, no persistence, same scenario and clients",
    results,
  };
  console.log(
    `\nClausework bench — ${output.date} — ${machine.cores} cores, ${machine.memoryGb} GiB, Node ${machine.node}`,
  );
  const rows: Record<string, Record<string, string | number>> = {};
  for (const [name, value] of Object.entries(results)) {
    const v = value as {
      ours?: Measured;
      reference?: Measured;
      referencePlainTyping?: Measured;
      ratios?: Record<string, number>;
    };
    const reference = v.reference ?? v.referencePlainTyping;
    // Scenarios of another shape (the plenary one) are printed on their own line below.
    if (!v.ours?.propagation || !reference || !v.ratios) continue;
    rows[name] = {
      "p50 ms": v.ours.propagation.p50,
      "p95 ms": v.ours.propagation.p95,
      "p99 ms": v.ours.propagation.p99,
      "max ms": v.ours.propagation.max,
      "saved p50/p99 ms": `${v.ours.save.p50}/${v.ours.save.p99}`,
      "ref p99 ms": reference.propagation.p99,
      "p99 ratio": v.ratios.p99,
      "cpu cores (ref)": `${v.ours.cpuCores} (${reference.cpuCores})`,
      "rss MB (ref)": `${v.ours.rssMb} (${reference.rssMb})`,
      "saved/sent": `${v.ours.editsSaved}/${v.ours.editsSent}${v.ours.refused ? `, ${v.ours.refused} refused` : ""}`,
      "arrived/expected (ref)": `${arrived(v.ours)} (${arrived(reference)})`,
      "generator cpu, loop p99 ms (ref)": `${v.ours.harnessCpuCores}, ${v.ours.generator.loopDelayP99Ms} (${reference.harnessCpuCores}, ${reference.generator.loopDelayP99Ms})`,
      "checkpoints (ref)": `${v.ours.checkpoints} (${reference.checkpoints})`,
    };
  }
  console.table(rows);
  for (const key of [
    "storage",
    "memoryPerOpenClauseMb",
    "sustainedEditsPerSecond",
    "twoInstances",
    "plenaryFollowing",
    "firstLoadJs",
    "timeToEditableMs",
  ]) {
    if (results[key])
      console.log(
        key,
        JSON.stringify(results[key], (k, v) => (k === "steps" ? undefined : v)),
      );
  }
  mkdirSync("bench/results", { recursive: true });
  const file = `bench/results/${output.date.replace(/[:.]/g, "-")}.json`;
  writeFileSync(file, `${JSON.stringify(output, null, 2)}\n`);
  console.log(`written to ${file}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
process.on("uncaughtException", (error) => {
  console.error(error);
  process.exit(1);
});
