// Who is using a shared embedded server. Each process that starts or joins the server holds a
// lease (a file named after its pid); the last live holder stops the server. This lets the dev
// server and a script, or two test runs, share one data directory without pulling it from under
// each other. Leases of dead processes (kill -9) simply stop counting.
import { randomBytes } from "node:crypto";
import { mkdir, readdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { isProcessAlive } from "./process-alive";

export async function takeLease(leasesDir: string): Promise<string> {
  await mkdir(leasesDir, { recursive: true });
  const file = path.join(leasesDir, `${process.pid}-${randomBytes(4).toString("hex")}`);
  await writeFile(file, "");
  return file;
}

export async function releaseLease(lease: string): Promise<void> {
  await rm(lease, { force: true });
}

/** Pids of live processes holding a lease; dead holders' files are removed on the way. */
export async function liveLeaseHolders(leasesDir: string): Promise<number[]> {
  const names = await readdir(leasesDir).catch(() => [] as string[]);
  const holders: number[] = [];
  for (const name of names) {
    const pid = Number.parseInt(name, 10);
    if (pid > 0 && isProcessAlive(pid)) holders.push(pid);
    else await rm(path.join(leasesDir, name), { force: true });
  }
  return holders;
}
