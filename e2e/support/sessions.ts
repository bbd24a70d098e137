// Signed-in HTTP clients for the running app (the real next-auth credentials flow), their
// session cookie for the collaboration socket, and direct database access for fixtures.
import { type APIRequestContext, request } from "@playwright/test";
import pg from "pg";
import { hashPassword } from "@/lib/auth/password";
import { DEMO_PASSWORD } from "@/lib/seed/demo-users";

export type Session = { api: APIRequestContext; cookie: string };

export async function signInApi(baseURL: string, email: string, password = DEMO_PASSWORD): Promise<Session> {
  const api = await request.newContext({ baseURL });
  const { csrfToken } = (await (await api.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await api.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password, json: "true" },
  });
  if (!response.ok()) throw new Error(`sign-in of ${email} failed: ${response.status()}`);
  const cookies = (await api.storageState()).cookies;
  const session = cookies.find((c) => c.name.endsWith("next-auth.session-token"));
  if (!session) throw new Error(`sign-in of ${email} gave no session cookie`);
  return { api, cookie: `${session.name}=${session.value}` };
}

export async function withDatabase<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A person whose organisation takes part in no instrument. */
export async function createOutsider(email: string): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await withDatabase(async (db) => {
    const code = `OUT${Date.now().toString(36).toUpperCase()}`.slice(0, 12);
    const org = await db.query<{ id: string }>(
      `INSERT INTO "Organization" (id, name, code, kind, colour) VALUES (gen_random_uuid(), 'Not taking part', $1, 'OBSERVER', '#555555') RETURNING id`,
      [code],
    );
    const user = await db.query<{ id: string }>(
      `INSERT INTO "User" (id, email, name, "passwordHash") VALUES (gen_random_uuid(), $1, 'An Outsider', $2) RETURNING id`,
      [email, passwordHash],
    );
    await db.query(`INSERT INTO "Membership" (id, "userId", "organizationId") VALUES (gen_random_uuid(), $1, $2)`, [
      user.rows[0].id,
      org.rows[0].id,
    ]);
  });
}
