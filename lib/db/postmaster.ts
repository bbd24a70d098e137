// Reads a data directory's postmaster.pid to tell whether its server is running, and stops a
// server by pid. We need this because a server can outlive the process that started it: after a
// kill -9 of the app, PostgreSQL keeps running (an orphan) and a fresh start would fail on the
// lock file. When the postmaster itself was killed too (a supervisor killing the app's whole
// process group), its children (checkpointer, backends) are still exiting for a moment and still
// hold its shared memory: no new server may start until they are gone.
import { readFile, rm } from "node:fs/promises";
import path from "node:path";
import { isProcessAlive, processArguments } from "./process-alive";

export type PostmasterState =
  | { kind: "absent" }
  | { kind: "running"; pid: number; port: number; status: string }
  /** The pid file's postmaster is gone: dead, or its pid now belongs to another process. */
  | { kind: "gone"; pid: number; pidRecycled: boolean; sharedMemoryId: number | null };

export async function readPostmaster(dataDir: string): Promise<PostmasterState> {
  const text = await readFile(path.join(dataDir, "postmaster.pid"), "utf8").catch(() => null);
  if (text === null) return { kind: "absent" };
  // Lines: pid, data dir, start time, port, socket dir, listen address, shmem key and id, status.
  const lines = text.split("\n");
  const pid = Number(lines[0]);
  const sharedMemoryId = Number((lines[6] ?? "").trim().split(/\s+/)[1]);
  const gone = (pidRecycled: boolean): PostmasterState => ({
    kind: "gone",
    pid,
    pidRecycled,
    sharedMemoryId: Number.isInteger(sharedMemoryId) && sharedMemoryId >= 0 ? sharedMemoryId : null,
  });
  if (!(pid > 0) || !isProcessAlive(pid)) return gone(false);
  // A recycled pid (after a reboot or in a container) may now belong to anything else.
  const argv = processArguments(pid);
  if (argv && !argv.includes(lines[1] ?? "")) return gone(true);
  return { kind: "running", pid, port: Number(lines[3]), status: (lines[7] ?? "").trim() };
}

/**
 * How many processes are still attached to a gone server's shared memory (its children, exiting),
 * from /proc/sysvipc/shm; 0 when the segment is gone or unused, null where /proc cannot tell.
 */
export async function sharedMemoryAttachments(sharedMemoryId: number): Promise<number | null> {
  const table = await readFile("/proc/sysvipc/shm", "utf8").catch(() => null);
  if (table === null) return null;
  for (const line of table.split("\n").slice(1)) {
    const columns = line.trim().split(/\s+/);
    if (Number(columns[1]) === sharedMemoryId) return Number(columns[6]);
  }
  return 0;
}

/**
 * Waits until nothing of a gone server is left: no process attached to its shared memory. Then
 * PostgreSQL itself takes the old lock file over on start (and frees the old segment), except when
 * the file's pid now belongs to another process, which PostgreSQL would take for a live server:
 * that file is removed. Returns false if the old server's processes did not exit in time.
 */
export async function waitForGoneServer(
  dataDir: string,
  state: Extract<PostmasterState, { kind: "gone" }>,
  timeoutMs: number,
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  if (state.sharedMemoryId !== null) {
    while (((await sharedMemoryAttachments(state.sharedMemoryId)) ?? 0) > 0) {
      if (Date.now() > deadline) return false;
      await sleep(50);
    }
  }
  if (state.pidRecycled) await rm(path.join(dataDir, "postmaster.pid"), { force: true });
  return true;
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
