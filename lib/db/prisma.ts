// The server's one PrismaClient. Created on first use, not at import: the app sets DATABASE_URL
// only after it has started the embedded PostgreSQL. Kept on globalThis so Next's hot reloads,
// and Next's bundled copy of this module next to server.ts's copy, share one connection pool.
// No `import "server-only"`: server.ts (plain tsx) and vitest import this too, and that package
// throws outside Next's bundler.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";

const holder = globalThis as typeof globalThis & { clauseworkPrisma?: PrismaClient };

function createPrismaClient(): PrismaClient {
  const url = process.env.DATABASE_URL;
  if (!url) {
    throw new Error(
      "DATABASE_URL is not set. Set it, or start the embedded server first (lib/db/embedded-postgres.ts) and set it to its url.",
    );
  }
  // A connection attempt to an unreachable server fails after a while instead of hanging, so a
  // save waiting through an outage retries and the person is told (lib/collab/save-until-stored.ts).
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url, connectionTimeoutMillis: 5_000 }) });
}

export function getPrisma(): PrismaClient {
  holder.clauseworkPrisma ??= createPrismaClient();
  return holder.clauseworkPrisma;
}

/** Use like a PrismaClient; the real client is created on the first property access. */
export const prisma: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const client = getPrisma();
    const value: unknown = Reflect.get(client, property, client);
    return typeof value === "function" ? value.bind(client) : value;
  },
});

/** Closes the pool. The next use of `prisma` opens a new one (with the DATABASE_URL of that moment). */
export async function disconnectPrisma(): Promise<void> {
  const client = holder.clauseworkPrisma;
  holder.clauseworkPrisma = undefined;
  await client?.$disconnect();
}
