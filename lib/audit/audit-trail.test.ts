// The audit trail on a real PostgreSQL of its own (tampering breaks the chain for anyone else).
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaClient } from "@/lib/db/generated/client";
import { createTestDatabase, type TestDatabase } from "@/lib/db/test-database";
import { AUDIT_TRANSACTION_OPTIONS, type AuditEventInput, recordAuditEvent } from "./record-audit-event";
import { verifyAuditChain } from "./verify-audit-chain";

let database: TestDatabase;
let db: PrismaClient;

const actor = {
  id: "6f0d7f43-2a0e-4c4a-9a53-1a2b3c4d5e6f",
  name: "Inés",
  organizationId: "6f0d7f43-2a0e-4c4a-9a53-000000000001",
  organizationCode: "CHAIR",
};
const record = (event: AuditEventInput) =>
  db.$transaction((tx) => recordAuditEvent(tx, event), AUDIT_TRANSACTION_OPTIONS);

async function asSuperuser(sql: string, values: unknown[] = []): Promise<void> {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    await client.query("BEGIN");
    // Triggers off for this transaction only: what someone with the database's keys could do.
    await client.query("SET LOCAL session_replication_role = replica");
    await client.query(sql, values);
    await client.query("COMMIT");
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  database = await createTestDatabase();
  db = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url }) });
});

afterAll(async () => {
  await db?.$disconnect();
  await database?.drop();
});

describe("audit trail", () => {
  it("chains entries written at the same time into one valid sequence", async () => {
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        record({
          action: "clause.status-changed",
          actor,
          target: { type: "clause", id: `c${i}` },
          details: { from: "OPEN", to: "AGREED", n: i },
        }),
      ),
    );
    const report = await verifyAuditChain(db);
    expect(report).toMatchObject({ ok: true, entries: 12 });
    const rows = await db.auditEvent.findMany({ orderBy: { id: "asc" } });
    for (let i = 1; i < rows.length; i++) expect(rows[i].previousHash).toBe(rows[i - 1].hash);
  });

  it("is written only with the transaction it belongs to", async () => {
    const before = await db.auditEvent.count();
    await expect(
      db.$transaction(async (tx) => {
        await recordAuditEvent(tx, { action: "participant.role-changed", actor });
        throw new Error("the change itself failed");
      }, AUDIT_TRANSACTION_OPTIONS),
    ).rejects.toThrow("the change itself failed");
    expect(await db.auditEvent.count()).toBe(before);
  });

  it("refuses updates and deletes from the application's connection", async () => {
    const row = await db.auditEvent.findFirstOrThrow();
    await expect(db.auditEvent.update({ where: { id: row.id }, data: { action: "nothing.happened" } })).rejects.toThrow(
      /append-only/,
    );
    await expect(db.auditEvent.delete({ where: { id: row.id } })).rejects.toThrow(/append-only/);
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });

  it("fails verification, naming the entry, when a row is altered — and the command exits 1", async () => {
    const rows = await db.auditEvent.findMany({ orderBy: { id: "asc" } });
    const victim = rows[5];
    await asSuperuser(`UPDATE "AuditEvent" SET details = jsonb_set(details, '{to}', '"OPEN"') WHERE id = $1`, [
      victim.id.toString(),
    ]);
    const report = await verifyAuditChain(db);
    expect(report).toMatchObject({ ok: false, brokenAtId: victim.id.toString(), entries: 5 });

    const run = promisify(execFile)("npx", ["tsx", "scripts/audit-verify.ts"], {
      env: { ...process.env, DATABASE_URL: database.url },
    });
    await expect(run).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining(`BROKEN at entry ${victim.id}`),
    });
  });

  it("fails verification when an entry is removed from the middle", async () => {
    const fresh = await createTestDatabase();
    const other = new PrismaClient({ adapter: new PrismaPg({ connectionString: fresh.url }) });
    try {
      for (const n of [1, 2, 3])
        await other.$transaction((tx) => recordAuditEvent(tx, { action: "signin", details: { n } }));
      const rows = await other.auditEvent.findMany({ orderBy: { id: "asc" } });
      const client = new pg.Client({ connectionString: fresh.url });
      await client.connect();
      await client.query("BEGIN; SET LOCAL session_replication_role = replica");
      await client.query(`DELETE FROM "AuditEvent" WHERE id = $1`, [rows[1].id.toString()]);
      await client.query("COMMIT");
      await client.end();
      expect(await verifyAuditChain(other)).toMatchObject({ ok: false, brokenAtId: rows[2].id.toString() });
    } finally {
      await other.$disconnect();
      await fresh.drop();
    }
  });
});
