// One fresh database and one running app for the end-to-end run.
import { createTestDatabase } from "@/lib/db/test-database";
import { AppServer } from "./app-server";

export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);

export default async function globalSetup() {
  const database = await createTestDatabase();
  process.env.E2E_DATABASE_URL = database.url;
  process.env.NEXTAUTH_SECRET ??= "e2e-secret-not-for-production";
  const server = new AppServer(E2E_PORT, { DATABASE_URL: database.url, NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET });
  await server.start();
  process.env.E2E_SERVER_PID = String(server.pid);
  return async () => {
    await server.kill("SIGTERM");
    await database.drop();
  };
}
