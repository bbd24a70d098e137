// npm run db:migrate — applies prisma/migrations to DATABASE_URL (the embedded server when unset),
// recording them in _prisma_migrations like `prisma migrate deploy`.
import { startEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { applyMigrations } from "@/lib/db/migrate";
import { redactUrl } from "@/lib/db/postgres-url";

async function main(): Promise<void> {
  const embedded = process.env.DATABASE_URL ? null : await startEmbeddedPostgres();
  try {
    const url = process.env.DATABASE_URL ?? (embedded?.url as string);
    const applied = await applyMigrations(url, { log: (message) => console.error(message) });
    console.error(
      applied.length > 0
        ? `${applied.length} migration(s) applied to ${redactUrl(url)}`
        : `${redactUrl(url)} is up to date`,
    );
  } finally {
    await embedded?.stop();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
