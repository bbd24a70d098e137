// Prisma's migration history table, written the way Prisma's schema engine writes it
// (sql-schema-connector, postgres flavour), so Prisma's own tools read our history as theirs.
import { randomUUID } from "node:crypto";
import type pg from "pg";

// Prisma's DDL, verbatim apart from IF NOT EXISTS.
const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS _prisma_migrations (
    id                      VARCHAR(36) PRIMARY KEY NOT NULL,
    checksum                VARCHAR(64) NOT NULL,
    finished_at             TIMESTAMPTZ,
    migration_name          VARCHAR(255) NOT NULL,
    logs                    TEXT,
    rolled_back_at          TIMESTAMPTZ,
    started_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    applied_steps_count     INTEGER NOT NULL DEFAULT 0
);`;

export interface MigrationRecord {
  id: string;
  checksum: string;
  migration_name: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

export async function hasMigrationsTable(client: pg.ClientBase): Promise<boolean> {
  const { rows } = await client.query<{ found: string | null }>(
    "SELECT to_regclass('_prisma_migrations')::text AS found",
  );
  return rows[0]?.found != null;
}

export async function createMigrationsTable(client: pg.ClientBase): Promise<void> {
  await client.query(CREATE_TABLE);
}

/** Every row, oldest first, as Prisma lists them. */
export async function listMigrationRecords(client: pg.ClientBase): Promise<MigrationRecord[]> {
  const { rows } = await client.query<MigrationRecord>(
    "SELECT id, checksum, migration_name, finished_at, rolled_back_at FROM _prisma_migrations ORDER BY started_at ASC",
  );
  return rows;
}

/** Prisma's three writes for one migration: started (0 steps), one step done, finished. */
export async function recordMigrationStarted(client: pg.ClientBase, name: string, checksum: string): Promise<string> {
  const id = randomUUID();
  await client.query(
    "INSERT INTO _prisma_migrations (id, checksum, started_at, migration_name, applied_steps_count) VALUES ($1, $2, clock_timestamp(), $3, 0)",
    [id, checksum, name],
  );
  return id;
}

export async function recordMigrationFinished(client: pg.ClientBase, id: string): Promise<void> {
  await client.query(
    "UPDATE _prisma_migrations SET applied_steps_count = applied_steps_count + 1, finished_at = clock_timestamp() WHERE id = $1",
    [id],
  );
}
