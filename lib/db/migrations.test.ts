// Fails when prisma/schema.prisma and prisma/migrations drift apart, i.e. when someone changed the
// schema without adding a migration (fix: npm run db:diff -- --create <name>), or edited the SQL by
// hand into something the schema does not say.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations } from "./migrate";
import { describeSchema, type SchemaCatalog } from "./schema-catalog";
import { sqlFromEmptyToSchema, sqlFromMigrationsToSchema } from "./schema-diff";
import { createTestDatabase, type TestDatabase } from "./test-database";

describe("prisma/migrations", () => {
  let fromSchema: TestDatabase;
  let fromMigrations: TestDatabase;

  beforeAll(async () => {
    [fromSchema, fromMigrations] = await Promise.all([
      createTestDatabase({ migrate: false }),
      createTestDatabase({ migrate: false }),
    ]);
  });

  afterAll(async () => {
    await Promise.all([fromSchema?.drop(), fromMigrations?.drop()]);
  });

  it("build exactly the database that schema.prisma describes", async () => {
    // Database A straight from schema.prisma, as Prisma's engine writes it; database B from the migrations.
    const client = new pg.Client({ connectionString: fromSchema.url });
    await client.connect();
    await client.query(await sqlFromEmptyToSchema(fromSchema.url));
    await client.end();
    await applyMigrations(fromMigrations.url);

    const [expected, actual] = await Promise.all([describeSchema(fromSchema.url), describeSchema(fromMigrations.url)]);
    expect(Object.keys(expected.tables).length, "schema.prisma produced no tables").toBeGreaterThan(0);
    expect(
      withoutHistory(actual),
      "The migrations do not build the schema in schema.prisma: run `npm run db:diff -- --create <name>`",
    ).toEqual(expected);
  });

  it("leave nothing for Prisma's engine to add", async () => {
    const missing = await sqlFromMigrationsToSchema(fromSchema.url);
    expect(missing, "A migration is missing; `npm run db:diff -- --create <name>` writes it").toBe("");
  });
});

function withoutHistory(catalog: SchemaCatalog): SchemaCatalog {
  const { _prisma_migrations: _, ...tables } = catalog.tables;
  return { ...catalog, tables };
}
