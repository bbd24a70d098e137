// Starts the app (production build of server.ts) or the bare reference server as a child
// process, so the bench can measure its CPU and memory on its own.
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { cpuSeconds, residentMegabytes } from "./process-usage";

// A crashed bench must not leave servers behind on its ports.
const running = new Set<ChildProcess>();
process.on("exit", () => {
  for (const child of running) child.kill("SIGKILL");
});

export class ServerProcess {
  private child: ChildProcess | null = null;
  private output = "";

  constructor(
    readonly name: string,
    readonly script: string,
    readonly port: number,
    private readonly env: Record<string, string>,
  ) {}

  get pid(): number {
    if (!this.child?.pid) throw new Error(`${this.name} is not running`);
    return this.child.pid;
  }

  get collabUrl(): string {
    return `ws://127.0.0.1:${this.port}/collab`;
  }

  async start(ready: () => Promise<boolean>): Promise<void> {
    // BENCH_PROFILE_DIR=<dir>: each server writes CPU profiles to <dir>/<name>/ when it stops (one
    // .cpuprofile per thread, opened in Chrome's DevTools), to see where a scenario's time goes.
    const profile = process.env.BENCH_PROFILE_DIR
      ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}/${this.name}`]
      : [];
    this.child = spawn(process.execPath, [...profile, "--import", "tsx", this.script], {
      env: { ...process.env, ...this.env, PORT: String(this.port), LOG_LEVEL: "warn", NODE_ENV: "production" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    running.add(this.child);
    this.child.on("exit", () => this.child && running.delete(this.child));
    this.child.stdout?.on("data", (chunk) => (this.output += chunk));
    this.child.stderr?.on("data", (chunk) => (this.output += chunk));
    const deadline = Date.now() + 120_000;
    while (Date.now() < deadline) {
      if (this.child.exitCode !== null) throw new Error(`${this.name} exited:\n${this.output}`);
      if (await ready().catch(() => false)) return;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`${this.name} did not start:\n${this.output}`);
  }

  usage(): { cpuSeconds: number; rssMb: number } {
    if (this.child?.exitCode !== null) throw new Error(`${this.name} exited:\n${this.output}`);
    return { cpuSeconds: cpuSeconds(this.pid), rssMb: residentMegabytes(this.pid) };
  }

  async stop(signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = once(child, "exit");
    child.kill(signal);
    await exited;
    this.child = null;
  }

  logTail(): string {
    return this.output.slice(-2000);
  }
}
