// The embedded server's superuser password: random for each data directory, made when the
// directory is initialised and kept beside it in <dataDir>.password, readable by its owner only
// (0600). Later starts, and other processes joining the running server, read it from there.
//
// The file goes to initdb directly (--pwfile), so the password never passes through a shared
// temporary folder. As root, PostgreSQL runs as the "postgres" user, which must read the file
// for initdb: the file is then owned by that user (root reads it anyway).
import { randomBytes } from "node:crypto";
import { chown, open, readFile, rename } from "node:fs/promises";
import type { UserIds } from "./server-user";

export function passwordFileOf(dataDir: string): string {
  return `${dataDir}.password`;
}

/** 32 random bytes, URL-safe: the password goes into connection URLs as it is. */
export function newPassword(): string {
  return randomBytes(32).toString("base64url");
}

/** Writes the password file (replacing any), mode 0600 from its creation, durably. */
export async function writePasswordFile(dataDir: string, password: string, owner: UserIds | null): Promise<void> {
  const file = passwordFileOf(dataDir);
  const next = `${file}.${process.pid}.tmp`;
  const handle = await open(next, "w", 0o600);
  try {
    await handle.writeFile(`${password}\n`);
    await handle.sync();
  } finally {
    await handle.close();
  }
  if (owner) await chown(next, owner.uid, owner.gid);
  await rename(next, file);
}

/** The data directory's password, or null when it has no password file. */
export async function readPasswordFile(dataDir: string): Promise<string | null> {
  const text = await readFile(passwordFileOf(dataDir), "utf8").catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return null;
    throw error;
  });
  return text === null ? null : text.trim();
}
