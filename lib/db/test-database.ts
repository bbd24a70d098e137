// A fresh, uniquely named database for a test run: on DATABASE_URL's server when it is set (CI),
// else on an embedded server kept apart from the dev one (.data/postgres-test, port 54330, fsync
// off). Migrated unless asked not to. drop() removes it and releases the embedded server.
import { randomBytes } from "node:crypto";
import path from "node:path";
import { createDatabase, dropDatabase } from "./database-admin";
import { startEmbeddedPostgres } from "./embedded-postgres";
import { applyMigrations } from "./migrate";
import { withDatabase } from "./postgres-url";

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

export interface TestDatabaseOptions {
  /** Apply prisma/migrations (default true); false leaves it empty. */
  migrate?: boolean;
}

export async function createTestDatabase(options: TestDatabaseOptions = {}): Promise<TestDatabase> {
  const embedded = process.env.DATABASE_URL
    ? null
    : await startEmbeddedPostgres({
        dataDir: path.join(process.cwd(), ".data", "postgres-test"),
        port: Number(process.env.EMBEDDED_PG_TEST_PORT ?? 54330),
        database: "postgres",
        durable: false,
      });
  const serverUrl = process.env.DATABASE_URL ?? (embedded?.url as string);
  const name = `clausework_test_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
  const drop = async () => {
    try {
      await dropDatabase(serverUrl, name);
    } finally {
      await embedded?.stop();
    }
  };
  try {
    await createDatabase(serverUrl, name);
    const url = withDatabase(serverUrl, name);
    if (options.migrate ?? true) await applyMigrations(url);
    return { url, drop };
  } catch (error) {
    await drop().catch(() => {});
    throw error;
  }
}
