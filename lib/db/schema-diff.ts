// SQL that Prisma's schema engine writes between two states of the schema:
// - from the migrations folder to schema.prisma: the next migration (npm run db:diff). The engine
//   replays the migrations in a shadow database and compares what it finds with the schema, like
//   `prisma migrate dev --create-only`.
// - from nothing to schema.prisma: the whole schema, for the drift test.
import { readFile } from "node:fs/promises";
import type { DiffTarget } from "@prisma/schema-engine-wasm";
import { readMigrationList } from "./migration-list";
import { SCHEMA_PATH } from "./migrations-directory";
import { withSchemaEngine } from "./schema-engine";
import { schemaEngineAdapter } from "./schema-engine-adapter";

const NO_FILTERS = { externalTables: [], externalEnums: [] };

export interface SchemaDiffOptions {
  migrationsDir?: string;
  schemaPath?: string;
}

/** The SQL that brings a database migrated with the migrations folder to schema.prisma; "" if none. */
export async function sqlFromMigrationsToSchema(serverUrl: string, options: SchemaDiffOptions = {}): Promise<string> {
  const list = await readMigrationList(options.migrationsDir);
  return diff(serverUrl, { tag: "migrations", ...list }, options.schemaPath);
}

/** The SQL that creates schema.prisma's tables, types and indexes in an empty database. */
export async function sqlFromEmptyToSchema(serverUrl: string, options: SchemaDiffOptions = {}): Promise<string> {
  return diff(serverUrl, { tag: "empty" }, options.schemaPath);
}

async function diff(serverUrl: string, from: DiffTarget, schemaPath = SCHEMA_PATH): Promise<string> {
  const schema = await readFile(schemaPath, "utf8");
  return withSchemaEngine(schema, schemaEngineAdapter(serverUrl), async (engine) => {
    const result = await engine.diff({
      from,
      to: { tag: "schemaDatamodel", files: [{ path: schemaPath, content: schema }] },
      script: true,
      exitCode: true, // exit code 2 tells a non-empty diff from "-- This is an empty migration."
      filters: NO_FILTERS,
    });
    return result.exitCode === 2 ? (result.stdout ?? "") : "";
  });
}
