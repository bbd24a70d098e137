// Vitest globalSetup: one migrated database for the whole run. Workers are forked after this runs
// and inherit process.env, so lib/db/prisma.ts (and anything reading DATABASE_URL) uses it; tests
// may also read it with inject("databaseUrl"). Tests that need a database of their own call
// createTestDatabase(), which then makes a sibling on the same server.
import type { TestProject } from "vitest/node";
import { createTestDatabase } from "./test-database";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const original = process.env.DATABASE_URL;
  const database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  project.provide("databaseUrl", database.url);
  return async () => {
    if (original === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = original;
    await database.drop();
  };
}
