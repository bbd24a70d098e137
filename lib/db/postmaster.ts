// Reads a data directory's postmaster.pid to tell whether its server is running, and stops a
// server by pid. We need this because a server can outlive the process that started it: after a
// kill -9 of the app, PostgreSQL keeps running (an orphan) and a fresh start would fail on the
// lock file; the pid file is also left behind when PostgreSQL itself was killed.
import { readFile, rm } from "node:fs/promises";
import path from "node:path";
import { isProcessAlive, processArguments } from "./process-alive";

export type PostmasterState =
  | { kind: "absent" }
  | { kind: "running"; pid: number; port: number; status: string }
  | { kind: "stale"; pid: number };

export async function readPostmaster(dataDir: string): Promise<PostmasterState> {
  const text = await readFile(path.join(dataDir, "postmaster.pid"), "utf8").catch(() => null);
  if (text === null) return { kind: "absent" };
  // Lines: pid, data dir, start time, port, socket dir, listen address, shmem key, status.
  const lines = text.split("\n");
  const pid = Number(lines[0]);
  if (!(pid > 0) || !isProcessAlive(pid)) return { kind: "stale", pid };
  // A recycled pid (after a reboot or in a container) may now belong to anything else.
  const argv = processArguments(pid);
  if (argv && !argv.includes(lines[1] ?? "")) return { kind: "stale", pid };
  return { kind: "running", pid, port: Number(lines[3]), status: (lines[7] ?? "").trim() };
}

export async function removeStalePidFile(dataDir: string): Promise<void> {
  await rm(path.join(dataDir, "postmaster.pid"), { force: true });
}

/** Waits until the server reports "ready" (it may still be starting or in crash recovery). */
export async function waitUntilReady(dataDir: string, timeoutMs: number): Promise<PostmasterState> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const state = await readPostmaster(dataDir);
    if (state.kind !== "running" || state.status === "ready" || Date.now() > deadline) return state;
    if (state.status === "stopping") await waitForExit(state.pid, timeoutMs);
    await sleep(100);
  }
}

/** Fast shutdown (SIGINT: disconnect clients, no waiting for them), then immediate if stuck. */
export async function stopPostmaster(pid: number): Promise<void> {
  signal(pid, "SIGINT");
  if (await waitForExit(pid, 30_000)) return;
  signal(pid, "SIGQUIT");
  if (!(await waitForExit(pid, 10_000))) throw new Error(`PostgreSQL (pid ${pid}) did not stop`);
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (isProcessAlive(pid)) {
    if (Date.now() > deadline) return false;
    await sleep(25);
  }
  return true;
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ESRCH") throw error;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
