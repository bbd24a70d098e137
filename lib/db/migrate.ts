// Applies prisma/migrations/*/migration.sql in order with plain `pg`, recording each in
// _prisma_migrations exactly as `prisma migrate deploy` does (Prisma's native engine cannot be
// downloaded here). Safe to run from several processes at once: it takes the same advisory lock
// as Prisma Migrate. Each migration runs in one transaction: it applies completely or not at all.
import pg from "pg";
import { migrationChecksum, scriptMatchesChecksum } from "./migration-checksum";
import { type MigrationScript, readMigrations } from "./migrations-directory";
import { redactUrl } from "./postgres-url";
import {
  createMigrationsTable,
  hasMigrationsTable,
  listMigrationRecords,
  type MigrationRecord,
  recordMigrationFinished,
  recordMigrationStarted,
} from "./prisma-migrations-table";

export interface ApplyMigrationsOptions {
  /** Default: prisma/migrations of this project. */
  migrationsDir?: string;
  log?: (message: string) => void;
}

// Prisma Migrate's own lock key (sql-schema-connector): we exclude Prisma and Prisma excludes us.
const PRISMA_MIGRATE_LOCK = 72707369;
const LOCK_WAIT_MS = 60_000;

/** Applies the migrations not yet applied; returns their names, in order. */
export async function applyMigrations(url: string, options: ApplyMigrationsOptions = {}): Promise<string[]> {
  const log = options.log ?? (() => {});
  const migrations = await readMigrations(options.migrationsDir);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await takeMigrateLock(client);
    try {
      if (!(await hasMigrationsTable(client))) {
        await refuseNonEmptyDatabase(client, url);
        await createMigrationsTable(client);
      }
      const pending = pendingMigrations(migrations, await listMigrationRecords(client), log);
      for (const migration of pending) {
        await applyOne(client, migration);
        log(`applied migration ${migration.name}`);
      }
      return pending.map((migration) => migration.name);
    } finally {
      // Ending the session releases it too; don't let a broken connection hide the real error.
      await client.query("SELECT pg_advisory_unlock($1)", [PRISMA_MIGRATE_LOCK]).catch(() => {});
    }
  } finally {
    await client.end();
  }
}

async function takeMigrateLock(client: pg.Client): Promise<void> {
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    const { rows } = await client.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1) AS locked", [
      PRISMA_MIGRATE_LOCK,
    ]);
    if (rows[0]?.locked) return;
    if (Date.now() > deadline) {
      throw new Error(
        `Another session has held the migration lock (pg_advisory_lock ${PRISMA_MIGRATE_LOCK}) for over ${LOCK_WAIT_MS / 1000}s. ` +
          `Find it with: SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND objid = ${PRISMA_MIGRATE_LOCK}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

// Like Prisma (P3005): a database with tables but no migration history was not made by these
// migrations, and applying them there would fail halfway or mix two schemas.
async function refuseNonEmptyDatabase(client: pg.Client, url: string): Promise<void> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
     UNION ALL
     SELECT t.typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE n.nspname = current_schema() AND t.typtype = 'e'
     LIMIT 5`,
  );
  if (rows.length > 0) {
    throw new Error(
      `${redactUrl(url)} is not empty (${rows.map((row) => row.name).join(", ")}, …) and has no _prisma_migrations table: ` +
        "refusing to apply migrations to it. Point DATABASE_URL at an empty database, or baseline this one " +
        "(https://pris.ly/d/migrate-baseline).",
    );
  }
}

function pendingMigrations(
  migrations: MigrationScript[],
  records: MigrationRecord[],
  log: (message: string) => void,
): MigrationScript[] {
  const failed = records.filter((record) => record.finished_at === null && record.rolled_back_at === null);
  if (failed.length > 0) {
    const names = failed.map((record) => record.migration_name).join(", ");
    throw new Error(
      `Migration ${names} failed earlier (recorded without finished_at in _prisma_migrations). Repair the database, ` +
        `then mark it rolled back (\`prisma migrate resolve --rolled-back <name>\`, or set rolled_back_at = now() on that row).`,
    );
  }
  const applied = new Map(
    records.filter((record) => record.rolled_back_at === null).map((record) => [record.migration_name, record]),
  );
  const edited = migrations.filter((migration) => {
    const record = applied.get(migration.name);
    return record && !scriptMatchesChecksum(migration.sql, record.checksum);
  });
  if (edited.length > 0) {
    const names = edited.map((migration) => migration.name).join(", ");
    throw new Error(
      `Migration ${names} was changed after it was applied to this database (its checksum no longer matches). ` +
        "Restore the applied version (git checkout it) and put the change in a new migration (npm run db:diff).",
    );
  }
  const onDisk = new Set(migrations.map((migration) => migration.name));
  for (const name of applied.keys()) {
    if (!onDisk.has(name)) log(`migration ${name} is applied in the database but missing from the migrations folder`);
  }
  return migrations.filter((migration) => !applied.has(migration.name));
}

async function applyOne(client: pg.Client, migration: MigrationScript): Promise<void> {
  await client.query("BEGIN");
  try {
    const id = await recordMigrationStarted(client, migration.name, migrationChecksum(migration.sql));
    await client.query(migration.sql);
    await recordMigrationFinished(client, id);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    const where = lineOf(migration.sql, (error as { position?: string }).position);
    throw new Error(
      `Migration ${migration.name} failed${where ? ` at line ${where}` : ""}: ${(error as Error).message}. ` +
        "Nothing of it was applied.",
      { cause: error },
    );
  }
}

/** PostgreSQL reports a 1-based character position in the script; people want a line. */
function lineOf(sql: string, position: string | undefined): number | null {
  const offset = Number(position);
  return offset > 0 ? sql.slice(0, offset - 1).split("\n").length : null;
}
