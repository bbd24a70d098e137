// A cross-process lock made of a directory: mkdir is atomic on every file system we run on.
// Used to serialise "is the embedded server running? start it / stop it" between processes.
// A lock left behind by a killed process is taken over once its owner's pid is gone.
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { isProcessAlive } from "./process-alive";

const POLL_MS = 50;

export async function withFileLock<T>(lockDir: string, timeoutMs: number, fn: () => Promise<T>): Promise<T> {
  await acquire(lockDir, timeoutMs);
  try {
    return await fn();
  } finally {
    await rm(lockDir, { recursive: true, force: true });
  }
}

async function acquire(lockDir: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  await mkdir(path.dirname(lockDir), { recursive: true });
  for (;;) {
    try {
      await mkdir(lockDir);
      await writeFile(path.join(lockDir, "owner"), String(process.pid));
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const owner = Number(await readFile(path.join(lockDir, "owner"), "utf8").catch(() => ""));
    // No owner file yet means its creator is between mkdir and writeFile: wait for it.
    if (owner && !isProcessAlive(owner)) {
      await rm(lockDir, { recursive: true, force: true });
      continue;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `Timed out waiting for ${lockDir} (held by pid ${owner || "unknown"}). Remove it if that process is gone.`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
