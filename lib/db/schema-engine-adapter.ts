// The database connection handed to Prisma's schema engine (wasm). Its shadow databases are fresh
// databases on the same server, dropped after use: adapter-pg's own connectToShadowDb() keeps the
// connection string, whose database wins over the one it sets, so it would "shadow" into the main
// database itself.
import { randomBytes } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { createCharAsTextPool } from "./char-as-text-pool";
import { createDatabase, dropDatabase } from "./database-admin";
import { withDatabase } from "./postgres-url";

export function schemaEngineAdapter(serverUrl: string): SqlMigrationAwareDriverAdapterFactory {
  return {
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",
    connect: () => connectTo(serverUrl),
    async connectToShadowDb() {
      const name = `clausework_shadow_${randomBytes(6).toString("hex")}`;
      await createDatabase(serverUrl, name);
      const adapter = await connectTo(withDatabase(serverUrl, name));
      const dispose = adapter.dispose.bind(adapter);
      adapter.dispose = async () => {
        await dispose();
        await dropDatabase(serverUrl, name);
      };
      return adapter;
    },
  };
}

function connectTo(url: string): Promise<SqlDriverAdapter> {
  return new PrismaPg(createCharAsTextPool(url), { disposeExternalPool: true }).connect();
}
