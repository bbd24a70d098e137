// The test databases themselves: the run's one (vitest-global-setup.ts) and fresh ones per test.
import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { readMigrations } from "./migrations-directory";
import { databaseOf, withDatabase } from "./postgres-url";
import { createTestDatabase } from "./test-database";

async function query<T extends pg.QueryResultRow>(url: string, sql: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

describe("test databases", () => {
  it("give the run one migrated database, in DATABASE_URL and inject('databaseUrl')", async () => {
    const url = inject("databaseUrl");
    expect(process.env.DATABASE_URL).toBe(url);
    expect(databaseOf(url)).toMatch(/^clausework_test_/);
    const applied = await query(url, "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL");
    expect(applied).toHaveLength((await readMigrations()).length);
  });

  it("create a fresh database per call, and drop it", async () => {
    const database = await createTestDatabase();
    const name = databaseOf(database.url);
    expect(name).not.toBe(databaseOf(inject("databaseUrl")));
    expect(await query(database.url, 'SELECT count(*)::int AS users FROM "User"')).toEqual([{ users: 0 }]);

    await database.drop();
    const server = withDatabase(inject("databaseUrl"), "postgres");
    expect(await query(server, "SELECT 1 FROM pg_database WHERE datname = $1", [name])).toEqual([]);
  });
});
