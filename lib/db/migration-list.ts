// The migrations folder in the shape Prisma's schema engine takes it (MigrationList).
import type { MigrationList } from "@prisma/schema-engine-wasm";
import { MIGRATIONS_DIR, type MigrationScript, readMigrations } from "./migrations-directory";

export async function readMigrationList(migrationsDir: string = MIGRATIONS_DIR): Promise<MigrationList> {
  return toMigrationList(migrationsDir, await readMigrations(migrationsDir));
}

export function toMigrationList(baseDir: string, migrations: MigrationScript[]): MigrationList {
  return {
    baseDir,
    lockfile: { path: "migration_lock.toml", content: 'provider = "postgresql"\n' },
    shadowDbInitScript: "",
    migrationDirectories: migrations.map(({ name, sql }) => ({
      path: name,
      migrationFile: { path: "migration.sql", content: { tag: "ok", value: sql } },
    })),
  };
}
