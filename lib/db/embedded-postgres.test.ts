// The embedded server for real: initdb, start, restart on the same data, share between users,
// its own password per data directory, and come back after the app was killed with kill -9 —
// alone (PostgreSQL survives it) or with its whole process group, PostgreSQL included. One data directory for the whole file
// (initdb costs a second or so), under a 700 temp folder: as root that exercises the fallback to
// a place the "postgres" user can reach.
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, readdirSync } from "node:fs";
import { readFile, rm, stat, writeFile } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { passwordFileOf } from "./embedded-password";
import { type EmbeddedPostgres, startEmbeddedPostgres } from "./embedded-postgres";
import { stopPostmaster } from "./postmaster";
import { isProcessAlive, processArguments } from "./process-alive";

const isRoot = process.getuid?.() === 0;
const folder = mkdtempSync(path.join(os.tmpdir(), "clausework-embedded-")); // mode 700
const requestedDataDir = path.join(folder, "postgres");
let port: number;
let actualDataDir: string;
const messages: string[] = [];
const children: ChildProcess[] = [];

function start(): Promise<EmbeddedPostgres> {
  return startEmbeddedPostgres({ dataDir: requestedDataDir, port, log: (message) => messages.push(message) });
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

async function postmasterPid(): Promise<number> {
  return Number((await readFile(path.join(actualDataDir, "postmaster.pid"), "utf8")).split("\n")[0]);
}

/** Runs fixtures/start-embedded-postgres.ts in a child process, once its server is ready. */
async function startInChild(mode: "wait" | "stop-on-input", ownProcessGroup = false): Promise<ChildProcess> {
  const fixture = fileURLToPath(new URL("./fixtures/start-embedded-postgres.ts", import.meta.url));
  const child = spawn(process.execPath, ["--import", "tsx", fixture, requestedDataDir, String(port), mode], {
    stdio: ["pipe", "pipe", "inherit"],
    // As a supervisor runs an app: its own group, so one signal reaches every process in it.
    detached: ownProcessGroup,
  });
  children.push(child);
  const [ready] = (await once(child.stdout, "data")) as [Buffer];
  expect(ready.toString()).toMatch(/^READY /);
  return child;
}

/** Pids of PostgreSQL servers running on the data directory, even one whose pid file was lost. */
function serversOn(dataDir: string): number[] {
  return readdirSync("/proc")
    .filter((entry) => /^\d+$/.test(entry))
    .map(Number)
    .filter((pid) => {
      const argv = processArguments(pid);
      return argv?.[0]?.endsWith("/postgres") && argv.includes(dataDir);
    });
}

async function freePort(): Promise<number> {
  const server = net.createServer().listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as net.AddressInfo;
  server.close();
  return port;
}

beforeAll(async () => {
  port = await freePort();
});

afterAll(async () => {
  // After a failed test: leave no process behind.
  for (const child of children) child.kill("SIGKILL");
  if (actualDataDir) for (const pid of serversOn(actualDataDir)) await stopPostmaster(pid);
  await rm(folder, { recursive: true, force: true });
  if (actualDataDir && actualDataDir !== requestedDataDir)
    await rm(path.dirname(actualDataDir), { recursive: true, force: true });
});

describe("startEmbeddedPostgres", () => {
  it("initialises a data directory the postgres user can reach, starts, and creates the database", async () => {
    const server = await start();
    actualDataDir = server.dataDir;
    try {
      if (isRoot) {
        expect(server.dataDir).not.toBe(requestedDataDir);
        expect(messages.join("\n")).toMatch(/is not traversable by the "postgres" user/);
      } else {
        expect(server.dataDir).toBe(requestedDataDir);
      }
      const password = (await readFile(passwordFileOf(server.dataDir), "utf8")).trim();
      expect(password).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(server.url).toBe(`postgres://postgres:${password}@127.0.0.1:${port}/clausework`);
      expect(
        await query(server.url, "SELECT current_database() AS db, current_setting('server_encoding') AS enc"),
      ).toEqual([{ db: "clausework", enc: "UTF8" }]);
      await query(server.url, "CREATE TABLE kept (note text); INSERT INTO kept VALUES ('still here')");
    } finally {
      await server.stop();
    }
    await expect(query(server.url, "SELECT 1")).rejects.toThrow(/ECONNREFUSED/);
  });

  it("keeps the data directory's random password beside it, for its owner only, and needs it", async () => {
    const file = passwordFileOf(actualDataDir);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const password = (await readFile(file, "utf8")).trim();

    // Another data directory gets another password.
    const otherPort = await freePort();
    const other = await startEmbeddedPostgres({
      dataDir: path.join(path.dirname(requestedDataDir), "other"),
      port: otherPort,
      log: () => {},
    });
    try {
      const otherPassword = (await readFile(passwordFileOf(other.dataDir), "utf8")).trim();
      expect((await stat(passwordFileOf(other.dataDir))).mode & 0o777).toBe(0o600);
      expect(otherPassword).not.toBe(password);
      expect(other.url).toContain(`:${otherPassword}@`);
      // Each server takes its own password only.
      await expect(query(other.url.replace(otherPassword, password), "SELECT 1")).rejects.toThrow(
        /password authentication failed/,
      );
      await expect(query(other.url.replace(otherPassword, "password"), "SELECT 1")).rejects.toThrow(
        /password authentication failed/,
      );
    } finally {
      await other.stop();
      await rm(path.dirname(other.dataDir), { recursive: true, force: true }).catch(() => {});
    }
  });

  it("gives a data directory made before per-directory passwords a random one of its own", async () => {
    const before = await start();
    await query(before.url, "ALTER ROLE postgres PASSWORD 'password'");
    await before.stop();
    await rm(passwordFileOf(actualDataDir));

    messages.length = 0;
    const server = await start();
    try {
      expect(messages.join("\n")).toMatch(/still has the superuser password of older versions/);
      const password = (await readFile(passwordFileOf(actualDataDir), "utf8")).trim();
      expect(password).not.toBe("password");
      expect(server.url).toContain(`:${password}@`);
      expect(await query(server.url, "SELECT note FROM kept")).toEqual([{ note: "still here" }]);
      await expect(query(server.url.replace(password, "password"), "SELECT 1")).rejects.toThrow(
        /password authentication failed/,
      );
    } finally {
      await server.stop();
    }
  });

  it("starts again on the existing data, without initialising", async () => {
    messages.length = 0;
    const server = await start();
    try {
      expect(messages.join("\n")).not.toMatch(/initialising/);
      expect(await query(server.url, "SELECT note FROM kept")).toEqual([{ note: "still here" }]);
    } finally {
      await server.stop();
    }
  });

  it("is stopped by the last of the processes using it", async () => {
    const first = await start();
    const second = await start();
    expect(second.url).toBe(first.url);
    await first.stop();
    expect(await query(second.url, "SELECT 1 AS up")).toEqual([{ up: 1 }]);
    await second.stop();
    await expect(query(second.url, "SELECT 1")).rejects.toThrow(/ECONNREFUSED/);
  });

  it("lets the process that started it exit while another still uses it", async () => {
    const starter = await startInChild("stop-on-input");
    const server = await start();
    starter.stdin?.end("stop\n");
    const [code] = await once(starter, "exit"); // without process.exit(): nothing of the server holds Node
    expect(code).toBe(0);
    expect(await query(server.url, "SELECT note FROM kept")).toEqual([{ note: "still here" }]);
    await server.stop();
    await expect(query(server.url, "SELECT 1")).rejects.toThrow(/ECONNREFUSED/);
  });

  it("takes over the server left running by an app killed with kill -9, and stops it", async () => {
    const child = await startInChild("wait");
    const orphan = await postmasterPid();
    child.kill("SIGKILL");
    await once(child, "exit");
    expect(isProcessAlive(orphan)).toBe(true); // PostgreSQL outlives the app

    messages.length = 0;
    const server = await start();
    expect(messages.join("\n")).toMatch(`using the PostgreSQL already running on ${actualDataDir} (pid ${orphan}`);
    expect(await query(server.url, "SELECT note FROM kept")).toEqual([{ note: "still here" }]);
    await server.stop();
    expect(isProcessAlive(orphan)).toBe(false);
  });

  it("comes up at once after the app's whole process group was killed with kill -9, PostgreSQL with it", async () => {
    const child = await startInChild("wait", true);
    const killed = await postmasterPid();
    const password = (await readFile(passwordFileOf(actualDataDir), "utf8")).trim();
    const url = `postgres://postgres:${password}@127.0.0.1:${port}/clausework`;
    await query(url, "INSERT INTO kept VALUES ('written just before the kill')");
    messages.length = 0;
    process.kill(-(child.pid as number), "SIGKILL"); // the app and its PostgreSQL, as a supervisor would
    await once(child, "exit");

    const server = await start(); // at once: the killed server's processes may still be exiting
    try {
      expect(messages.join("\n")).toContain(`(pid ${killed}) was killed: waiting for its processes to exit`);
      expect(await postmasterPid()).not.toBe(killed);
      expect(await query(server.url, "SELECT note FROM kept ORDER BY note")).toEqual([
        { note: "still here" },
        { note: "written just before the kill" },
      ]);
      expect(serversOn(actualDataDir)).toEqual([await postmasterPid()]); // one server, never two
    } finally {
      await server.stop();
    }
  });

  it("removes a stale postmaster.pid whose pid now belongs to another process", async () => {
    const server = await start();
    const pidFile = path.join(actualDataDir, "postmaster.pid");
    const contents = await readFile(pidFile, "utf8");
    await server.stop();
    // As after a crash of the whole machine: the file stayed, and its pid was given to something else.
    const stranger = spawn("sleep", ["30"]);
    try {
      await writeFile(pidFile, contents.replace(/^\d+/, String(stranger.pid)));
      messages.length = 0;
      const again = await start();
      expect(messages.join("\n")).toMatch(`removing stale postmaster.pid (its pid ${stranger.pid} is no longer`);
      expect(await query(again.url, "SELECT note FROM kept WHERE note = 'still here'")).toEqual([
        { note: "still here" },
      ]);
      await again.stop();
    } finally {
      stranger.kill();
    }
  });
});
