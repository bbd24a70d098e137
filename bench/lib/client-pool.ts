// Spreads simulated clients over worker threads and gathers what they measured.
import os from "node:os";
import { Worker } from "node:worker_threads";
import type { ClientSpec, WorkerCommand, WorkerReply } from "./client-worker";

export type PoolResult = {
  latencies: number[];
  saveLatencies: number[];
  editsSent: number;
  editsSaved: number;
  /** Edits the server refused (a delegate's proposal the guard did not accept). */
  refused: number;
  /** Per client that does not write, over the run: messages and bytes it received. */
  messagesPerReader: number;
  bytesPerReader: number;
  /** Every marker should reach every other client of its document: expected, counted once each,
   * and never delivered within the round's wait (expected − counted). */
  arrivals: { expected: number; counted: number; missing: number; duplicates: number; uncountedInText: number };
  /** How long the round waited after the last edit for everything to arrive. */
  drainMs: number;
  /** The load generator's workers: how many, and their worst event-loop delay (p99, max). */
  generator: { workers: number; loopDelayP99Ms: number; loopDelayMaxMs: number };
};

/** The round ends when every marker has arrived everywhere, or after this long. */
const DRAIN_TIMEOUT_MS = 30_000;
/** Readers per worker thread before another is added (up to twice the cores). */
const READERS_PER_WORKER = 250;

export class ClientPool {
  private workers: Worker[] = [];

  /** `size`: a fixed number of workers; by default one for the writers and enough for the readers. */
  constructor(private readonly size?: number) {}

  private start(readers: number) {
    const readerWorkers = Math.min(Math.max(2, Math.ceil(readers / READERS_PER_WORKER)), 2 * os.availableParallelism());
    const size = this.size ?? 1 + readerWorkers;
    this.workers = Array.from(
      { length: size },
      () => new Worker(new URL("./client-worker-entry.mjs", import.meta.url)),
    );
  }

  private ask(worker: Worker, command: WorkerCommand): Promise<WorkerReply> {
    return new Promise((resolve, reject) => {
      worker.once("message", (reply: WorkerReply) =>
        reply.type === "error" ? reject(new Error(reply.message)) : resolve(reply),
      );
      worker.postMessage(command);
    });
  }

  async open(url: string, clients: ClientSpec[]): Promise<void> {
    // Writers get a worker of their own, so the time to "Saved" they measure is not inflated by
    // a worker busy applying everyone else's updates; the other clients share the rest.
    const readers = clients.filter((client) => !client.writer);
    this.start(readers.length);
    const shares = this.workers.map(() => [] as ClientSpec[]);
    shares[0].push(...clients.filter((client) => client.writer));
    const readerWorkers = Math.max(1, shares.length - 1);
    for (const [index, client] of readers.entries())
      shares[shares.length === 1 ? 0 : 1 + (index % readerWorkers)].push(client);
    await Promise.all(this.workers.map((worker, i) => this.ask(worker, { type: "open", url, clients: shares[i] })));
  }

  /** Writes for `durationMs`, then waits until every marker has reached every other client. */
  async run(editsPerSecondPerWriter: number, durationMs: number): Promise<PoolResult> {
    return this.drain(await this.write(editsPerSecondPerWriter, durationMs));
  }

  /** The writers type for `durationMs` (every client counts what arrives); returns edits per document. */
  async write(editsPerSecondPerWriter: number, durationMs: number): Promise<Record<string, number>> {
    const startedAt = performance.timeOrigin + performance.now();
    const written = await Promise.all(
      this.workers.map((worker) => this.ask(worker, { type: "run", editsPerSecondPerWriter, durationMs, startedAt })),
    );
    const sentByDocument: Record<string, number> = {};
    for (const reply of written)
      if (reply.type === "written")
        for (const [name, sent] of Object.entries(reply.sentByDocument))
          sentByDocument[name] = (sentByDocument[name] ?? 0) + sent;
    return sentByDocument;
  }

  /** Waits until every client has every marker sent to its document (by any pool), or the timeout. */
  async drain(sentByDocument: Record<string, number>): Promise<PoolResult> {
    const started = Date.now();
    const replies = await Promise.all(
      this.workers.map((worker) => this.ask(worker, { type: "drain", sentByDocument, timeoutMs: DRAIN_TIMEOUT_MS })),
    );
    const drainMs = Date.now() - started;
    const total: PoolResult = {
      latencies: [],
      saveLatencies: [],
      editsSent: 0,
      editsSaved: 0,
      refused: 0,
      messagesPerReader: 0,
      bytesPerReader: 0,
      arrivals: { expected: 0, counted: 0, missing: 0, duplicates: 0, uncountedInText: 0 },
      drainMs,
      generator: { workers: this.workers.length, loopDelayP99Ms: 0, loopDelayMaxMs: 0 },
    };
    let readers = 0;
    for (const reply of replies) {
      if (reply.type !== "result") continue;
      // concat, not push(...): a plenary yields hundreds of thousands of samples.
      total.latencies = total.latencies.concat(reply.latencies);
      total.saveLatencies = total.saveLatencies.concat(reply.saveLatencies);
      total.editsSent += reply.editsSent;
      total.editsSaved += reply.editsSaved;
      total.refused += reply.refused;
      total.messagesPerReader += reply.readerMessages;
      total.bytesPerReader += reply.readerBytes;
      readers += reply.readers;
      total.arrivals.expected += reply.expectedArrivals;
      total.arrivals.counted += reply.countedArrivals;
      total.arrivals.duplicates += reply.duplicateArrivals;
      total.arrivals.uncountedInText += reply.uncountedInText;
      total.generator.loopDelayP99Ms = Math.max(total.generator.loopDelayP99Ms, reply.loopDelayP99Ms);
      total.generator.loopDelayMaxMs = Math.max(total.generator.loopDelayMaxMs, reply.loopDelayMaxMs);
    }
    total.arrivals.missing = total.arrivals.expected - total.arrivals.counted;
    total.messagesPerReader = Math.round(total.messagesPerReader / Math.max(1, readers));
    total.bytesPerReader = Math.round(total.bytesPerReader / Math.max(1, readers));
    return total;
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => this.ask(worker, { type: "close" })));
  }

  async terminate(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}
