// Spreads simulated clients over worker threads and gathers what they measured.
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
};

export class ClientPool {
  private readonly workers: Worker[];

  constructor(size = 2) {
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
    const shares = this.workers.map(() => [] as ClientSpec[]);
    const readers = clients.filter((client) => !client.writer);
    shares[0].push(...clients.filter((client) => client.writer));
    const readerWorkers = Math.max(1, shares.length - 1);
    for (const [index, client] of readers.entries())
      shares[shares.length === 1 ? 0 : 1 + (index % readerWorkers)].push(client);
    await Promise.all(this.workers.map((worker, i) => this.ask(worker, { type: "open", url, clients: shares[i] })));
  }

  async run(editsPerSecondPerWriter: number, durationMs: number): Promise<PoolResult> {
    const replies = await Promise.all(
      this.workers.map((worker) => this.ask(worker, { type: "run", editsPerSecondPerWriter, durationMs })),
    );
    const total: PoolResult = {
      latencies: [],
      saveLatencies: [],
      editsSent: 0,
      editsSaved: 0,
      refused: 0,
      messagesPerReader: 0,
      bytesPerReader: 0,
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
    }
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
