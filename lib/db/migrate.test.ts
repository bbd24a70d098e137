// The migration runner against a real PostgreSQL, with small migration folders of its own, and
// once with the real migrations next to Prisma's own engine to show both write the same history.
import { createHash } from "node:crypto";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { applyMigrations } from "./migrate";
import { readMigrationList } from "./migration-list";
import { SCHEMA_PATH } from "./migrations-directory";
import { describeSchema } from "./schema-catalog";
import { withSchemaEngine } from "./schema-engine";
import { schemaEngineAdapter } from "./schema-engine-adapter";
import { createTestDatabase, type TestDatabase } from "./test-database";

let database: TestDatabase;
let migrationsDir: string;

beforeEach(async () => {
  database = await createTestDatabase({ migrate: false });
  migrationsDir = await mkdtemp(path.join(os.tmpdir(), "clausework-migrations-"));
});

afterEach(async () => {
  await database.drop();
  await rm(migrationsDir, { recursive: true, force: true });
});

async function writeMigration(name: string, sql: string): Promise<void> {
  await mkdir(path.join(migrationsDir, name), { recursive: true });
  await writeFile(path.join(migrationsDir, name, "migration.sql"), sql);
}

async function query<T extends pg.QueryResultRow>(sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

interface HistoryRow {
  id: string;
  checksum: string;
  finished_at: Date | null;
  migration_name: string;
  logs: string | null;
  rolled_back_at: Date | null;
  started_at: Date;
  applied_steps_count: number;
}

const history = () => query<HistoryRow>("SELECT * FROM _prisma_migrations ORDER BY started_at");
const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

const FIRST = 'CREATE TABLE "Delegation" ("id" INTEGER PRIMARY KEY, "name" TEXT NOT NULL);\n';
const SECOND =
  'CREATE TABLE "Proposal" ("id" INTEGER PRIMARY KEY, "delegationId" INTEGER REFERENCES "Delegation"("id"));\n';

describe("applyMigrations", () => {
  it("applies the migrations in order and records each as Prisma does", async () => {
    await writeMigration("20260101000000_delegations", FIRST);
    await writeMigration("20260102000000_proposals", SECOND);

    expect(await applyMigrations(database.url, { migrationsDir })).toEqual([
      "20260101000000_delegations",
      "20260102000000_proposals",
    ]);

    const rows = await history();
    expect(rows.map((row) => row.migration_name)).toEqual(["20260101000000_delegations", "20260102000000_proposals"]);
    expect(rows.map((row) => row.checksum)).toEqual([sha256(FIRST), sha256(SECOND)]);
    for (const row of rows) {
      expect(row.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(row.applied_steps_count).toBe(1);
      expect(row.logs).toBeNull();
      expect(row.rolled_back_at).toBeNull();
      expect(row.finished_at?.getTime()).toBeGreaterThanOrEqual(row.started_at.getTime());
    }
    expect(await query('SELECT * FROM "Proposal"')).toEqual([]);
  });

  it("is idempotent and applies only what is new", async () => {
    await writeMigration("20260101000000_delegations", FIRST);
    await applyMigrations(database.url, { migrationsDir });

    expect(await applyMigrations(database.url, { migrationsDir })).toEqual([]);
    await writeMigration("20260102000000_proposals", SECOND);
    expect(await applyMigrations(database.url, { migrationsDir })).toEqual(["20260102000000_proposals"]);
    expect(await history()).toHaveLength(2);
  });

  it("refuses to run when an applied migration was edited, and applies nothing", async () => {
    await writeMigration("20260101000000_delegations", FIRST);
    await applyMigrations(database.url, { migrationsDir });
    await writeMigration("20260101000000_delegations", FIRST.replace("TEXT NOT NULL", "TEXT"));
    await writeMigration("20260102000000_proposals", SECOND);

    await expect(applyMigrations(database.url, { migrationsDir })).rejects.toThrow(
      /20260101000000_delegations was changed after it was applied/,
    );
    expect(await history()).toHaveLength(1);
  });

  it("treats a checkout with CRLF line endings as unchanged, like Prisma", async () => {
    await writeMigration("20260101000000_delegations", `-- Delegations\n${FIRST}`);
    await applyMigrations(database.url, { migrationsDir });
    await writeMigration("20260101000000_delegations", `-- Delegations\r\n${FIRST.replace("\n", "\r\n")}`);

    expect(await applyMigrations(database.url, { migrationsDir })).toEqual([]);
  });

  it("rolls a failing migration back entirely and records nothing", async () => {
    await writeMigration("20260101000000_delegations", `${FIRST}\nINSERT INTO "Delegation" VALUES (1, NULL);\n`);

    await expect(applyMigrations(database.url, { migrationsDir })).rejects.toThrow(
      /20260101000000_delegations failed: .*not-null/,
    );
    expect(await query("SELECT to_regclass('\"Delegation\"') AS found")).toEqual([{ found: null }]);
    expect(await history()).toEqual([]);
  });

  it("says on which line of the script a syntax error is", async () => {
    await writeMigration("20260101000000_delegations", `${FIRST}\nCREAT TABLE "Oops" ();\n`);

    await expect(applyMigrations(database.url, { migrationsDir })).rejects.toThrow(
      /20260101000000_delegations failed at line 3: syntax error at or near "CREAT"/,
    );
  });

  it("applies each migration once when two processes start at the same time", async () => {
    await writeMigration("20260101000000_delegations", FIRST);
    await writeMigration("20260102000000_proposals", SECOND);

    const results = await Promise.all([
      applyMigrations(database.url, { migrationsDir }),
      applyMigrations(database.url, { migrationsDir }),
    ]);

    expect(results.flat().sort()).toEqual(["20260101000000_delegations", "20260102000000_proposals"]);
    expect(await history()).toHaveLength(2);
  });

  it("refuses a database that has tables but no migration history", async () => {
    await query('CREATE TABLE "Unrelated" ("id" INTEGER)');
    await writeMigration("20260101000000_delegations", FIRST);

    await expect(applyMigrations(database.url, { migrationsDir })).rejects.toThrow(/is not empty \(Unrelated/);
  });
});

describe("applyMigrations and Prisma's schema engine", () => {
  it("write the same _prisma_migrations table and rows, and Prisma reads our history as its own", async () => {
    const prismaDatabase = await createTestDatabase({ migrate: false });
    try {
      const list = await readMigrationList();
      const schema = await readFile(SCHEMA_PATH, "utf8");
      const names = list.migrationDirectories.map((directory) => directory.path);
      const filters = { externalTables: [], externalEnums: [] };
      const applyWithPrisma = await withSchemaEngine(schema, schemaEngineAdapter(prismaDatabase.url), (engine) =>
        engine.applyMigrations({ migrationsList: list, filters }),
      );
      expect(applyWithPrisma.appliedMigrationNames).toEqual(names);
      expect(await applyMigrations(database.url)).toEqual(names);

      const [ours, prismas] = await Promise.all([describeSchema(database.url), describeSchema(prismaDatabase.url)]);
      expect(ours.tables._prisma_migrations).toEqual(prismas.tables._prisma_migrations);
      expect(ours).toEqual(prismas);

      const shape = (row: HistoryRow) => ({
        migration_name: row.migration_name,
        checksum: row.checksum,
        applied_steps_count: row.applied_steps_count,
        logs: row.logs,
        rolled_back_at: row.rolled_back_at,
        finished: row.finished_at !== null,
      });
      const prismaClient = new pg.Client({ connectionString: prismaDatabase.url });
      await prismaClient.connect();
      const prismaRows = (await prismaClient.query<HistoryRow>("SELECT * FROM _prisma_migrations ORDER BY started_at"))
        .rows;
      await prismaClient.end();
      expect((await history()).map(shape)).toEqual(prismaRows.map(shape));

      // What `prisma migrate status` asks the engine, about the database we migrated.
      const edited = structuredClone(list);
      const first = edited.migrationDirectories[0]?.migrationFile.content;
      if (first?.tag === "ok") first.value += "\n-- edited\n";
      const [diagnosis, diagnosisAfterEdit] = await withSchemaEngine(
        schema,
        schemaEngineAdapter(database.url),
        async (engine) => [
          await engine.diagnoseMigrationHistory({ migrationsList: list, optInToShadowDatabase: false, filters }),
          await engine.diagnoseMigrationHistory({ migrationsList: edited, optInToShadowDatabase: false, filters }),
        ],
      );
      expect(diagnosis).toEqual({
        editedMigrationNames: [],
        failedMigrationNames: [],
        hasMigrationsTable: true,
        history: null,
      });
      expect(diagnosisAfterEdit?.editedMigrationNames).toEqual([names[0]]);
    } finally {
      await prismaDatabase.drop();
    }
  });
});
