// The migrations on disk, in Prisma's standard layout: prisma/migrations/<name>/migration.sql,
// applied in the lexicographic order of <name> (a UTC timestamp prefix keeps that chronological).
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

export interface MigrationScript {
  /** The directory's name, e.g. "20261128152000_init": Prisma's migration_name. */
  name: string;
  sql: string;
}

export const MIGRATIONS_DIR = fileURLToPath(new URL("../../prisma/migrations", import.meta.url));
export const SCHEMA_PATH = fileURLToPath(new URL("../../prisma/schema.prisma", import.meta.url));

export async function readMigrations(dir: string = MIGRATIONS_DIR): Promise<MigrationScript[]> {
  if (!existsSync(dir)) return [];
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const file = path.join(dir, name, "migration.sql");
      const sql = await readFile(file, "utf8").catch(() => {
        throw new Error(`${path.join(dir, name)} has no migration.sql: every migration folder needs one.`);
      });
      return { name, sql };
    }),
  );
}
