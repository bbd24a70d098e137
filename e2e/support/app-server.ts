// Runs the real production server (server.ts after `next build`) as a child process, so a test
// can kill it with SIGKILL and start it again on the same database.
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { appendFileSync, mkdirSync } from "node:fs";

export class AppServer {
  private child: ChildProcess | null = null;
  private output = "";

  constructor(
    readonly port: number,
    private readonly env: Record<string, string>,
  ) {}

  /** The server's process id (for reading its memory from /proc), while it runs. */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  get url(): string {
    return `http://localhost:${this.port}`;
  }

  async start(): Promise<void> {
    // One node process (no tsx wrapper process), so a SIGKILL kills the server itself.
    this.child = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
      // No REDIS_URL: each e2e server stands alone, so what survives a kill came from PostgreSQL.
      env: {
        ...process.env,
        REDIS_URL: "",
        ...this.env,
        NODE_ENV: "production",
        PORT: String(this.port),
        LOG_LEVEL: "info",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    // The server's log goes to test-results/, for reading after a failed run.
    mkdirSync("test-results", { recursive: true });
    const logFile = `test-results/app-server-${this.port}.log`;
    const keep = (chunk: Buffer) => {
      this.output += chunk;
      appendFileSync(logFile, chunk);
    };
    this.child.stdout?.on("data", keep);
    this.child.stderr?.on("data", keep);
    const deadline = Date.now() + 90_000;
    while (Date.now() < deadline) {
      if (this.child.exitCode !== null) throw new Error(`server exited early:\n${this.output}`);
      const ok = await fetch(`${this.url}/api/health`)
        .then((response) => response.ok)
        .catch(() => false);
      if (ok) return;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error(`server did not become healthy:\n${this.output}`);
  }

  async kill(signal: NodeJS.Signals): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = once(child, "exit");
    child.kill(signal);
    await exited;
    this.child = null;
  }
}
