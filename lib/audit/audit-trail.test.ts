// The audit trail on a real PostgreSQL of its own (tampering breaks the chain for anyone else):
// the chain, its anchored end, and who sees which entries.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaClient } from "@/lib/db/generated/client";
import { createTestDatabase, type TestDatabase } from "@/lib/db/test-database";
import { auditEventsVisibleIn } from "./audit-visibility";
import { AUDIT_TRANSACTION_OPTIONS, type AuditEventInput, recordAuditEvent } from "./record-audit-event";
import { unknownEmailDigest } from "./record-refused-sign-in";
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

async function asSuperuser(sql: string, values: unknown[] = [], url = database.url): Promise<void> {
  const client = new pg.Client({ connectionString: url });
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

/** A database of its own, for tampering that would break the shared one's chain for later tests. */
async function withFreshTrail(work: (other: PrismaClient, url: string) => Promise<void>): Promise<void> {
  const fresh = await createTestDatabase();
  const other = new PrismaClient({ adapter: new PrismaPg({ connectionString: fresh.url }) });
  try {
    await work(other, fresh.url);
  } finally {
    await other.$disconnect();
    await fresh.drop();
  }
}

const recordIn = (other: PrismaClient, event: AuditEventInput) =>
  other.$transaction((tx) => recordAuditEvent(tx, event), AUDIT_TRANSACTION_OPTIONS);

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
    const anchor = await db.auditAnchor.findUniqueOrThrow({ where: { id: 1 } });
    const last = await db.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(anchor).toMatchObject({ entries: 12n, lastId: last.id, lastHash: last.hash });
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
  it("fails verification when the last entries are cut, naming what is missing — and the command says so", async () => {
    await withFreshTrail(async (other, url) => {
      for (const n of [1, 2, 3, 4, 5]) await recordIn(other, { action: "clause.status-changed", details: { n } });
      const rows = await other.auditEvent.findMany({ orderBy: { id: "asc" } });
      await asSuperuser(`DELETE FROM "AuditEvent" WHERE id > $1`, [rows[2].id.toString()], url);

      const report = await verifyAuditChain(other);
      expect(report).toMatchObject({
        ok: false,
        entries: 3,
        missing: { afterId: rows[2].id.toString(), throughId: rows[4].id.toString(), count: 2 },
      });
      const run = promisify(execFile)("npx", ["tsx", "scripts/audit-verify.ts"], {
        env: { ...process.env, DATABASE_URL: url },
      });
      await expect(run).rejects.toMatchObject({
        code: 1,
        stderr: expect.stringContaining(
          `ends at entry ${rows[2].id} after 3 entries, but its anchor records 5 entries ending at entry ${rows[4].id} (hash ${rows[4].hash}`,
        ),
      });

      // Appending after the cut does not hide it: the new entry follows the anchored, removed one.
      await recordIn(other, { action: "clause.status-changed", details: { n: 6 } });
      const sixth = await other.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } });
      expect(sixth.previousHash).toBe(rows[4].hash);
      expect(await verifyAuditChain(other)).toMatchObject({ ok: false, entries: 3, brokenAtId: sixth.id.toString() });
    });
  });

  it("keeps its anchor moving forward only, from the application's connection", async () => {
    await expect(db.auditAnchor.update({ where: { id: 1 }, data: { entries: 0, lastId: 0 } })).rejects.toThrow(
      /only moves forward/,
    );
    await expect(db.auditAnchor.delete({ where: { id: 1 } })).rejects.toThrow(/append-only/);
  });

  it("detects a cut whose anchor was rewritten too, against the anchor line an operator kept", async () => {
    await withFreshTrail(async (other, url) => {
      for (const n of [1, 2, 3, 4]) await recordIn(other, { action: "proposal.accepted", details: { n } });
      const ok = await verifyAuditChain(other);
      if (!ok.ok) throw new Error(ok.reason);
      const keptLine = `${ok.lastId}:${ok.lastHash}`;
      const rows = await other.auditEvent.findMany({ orderBy: { id: "asc" } });
      // With the database's keys: cut the last two entries and move the anchor back to match.
      await asSuperuser(`DELETE FROM "AuditEvent" WHERE id > $1;`, [rows[1].id.toString()], url);
      await asSuperuser(
        `UPDATE "AuditAnchor" SET entries = 2, "lastId" = $1, "lastHash" = $2`,
        [rows[1].id.toString(), rows[1].hash],
        url,
      );
      expect(await verifyAuditChain(other)).toMatchObject({ ok: true, entries: 2 });
      const [id, hash] = keptLine.split(":");
      expect(await verifyAuditChain(other, { id: BigInt(id), hash })).toMatchObject({
        ok: false,
        reason: expect.stringContaining(`no longer holds entry ${id}`),
      });
      const run = promisify(execFile)("npx", ["tsx", "scripts/audit-verify.ts", "--kept", keptLine], {
        env: { ...process.env, DATABASE_URL: url },
      });
      await expect(run).rejects.toMatchObject({
        code: 1,
        stderr: expect.stringContaining(`no longer holds entry ${id}`),
      });
    });
  });
});

describe("who sees which entries", () => {
  it("shows a chair the sign-ins of the people of their instrument and their own, never a stranger's", async () => {
    const instrument = (slug: string) =>
      db.instrument.create({ data: { slug, title: slug, shortTitle: slug }, select: { id: true } });
    const person = async (code: string, instrumentId: string, role: "CHAIR" | "DELEGATE") => {
      const organization = await db.organization.create({
        data: { name: code, code, kind: "MEMBER_STATE", colour: "#123456" },
      });
      await db.participant.create({ data: { instrumentId, organizationId: organization.id, role } });
      return db.user.create({
        data: {
          email: `${code.toLowerCase()}@example.org`,
          name: code,
          memberships: { create: { organizationId: organization.id } },
        },
      });
    };
    const ours = await instrument(`ours-${Date.now()}`);
    const theirs = await instrument(`theirs-${Date.now()}`);
    const chair = await person(`CH${Date.now() % 1e6}`, ours.id, "CHAIR");
    const delegate = await person(`DA${Date.now() % 1e6}`, ours.id, "DELEGATE");
    const elsewhere = await person(`DB${Date.now() % 1e6}`, theirs.id, "DELEGATE");
    const signIn = (user: { id: string; name: string }) =>
      record({ action: "signin", actor: user, target: { type: "user", id: user.id } });

    await signIn(chair);
    await signIn(delegate);
    await signIn(elsewhere);
    await record({ action: "signin.failed", target: { type: "user", id: delegate.id }, details: { n: 1 } });
    await record({ action: "signin.failed", target: { type: "user", id: elsewhere.id }, details: { n: 2 } });
    await record({ action: "signin.failed", details: { unknownEmailDigest: unknownEmailDigest("who@x.org") } });
    await record({ action: "clause.status-changed", instrumentId: ours.id, details: { n: 3 } });
    await record({ action: "clause.status-changed", instrumentId: theirs.id, details: { n: 4 } });

    const where = await auditEventsVisibleIn(db, ours.id, chair.id);
    const seen = await db.auditEvent.findMany({ where, orderBy: { id: "asc" } });
    const about = (e: (typeof seen)[number]) => `${e.action} ${e.targetId ?? e.instrumentId}`;
    expect(seen.map(about)).toEqual([
      `signin ${chair.id}`,
      `signin ${delegate.id}`,
      `signin.failed ${delegate.id}`,
      `clause.status-changed ${ours.id}`,
    ]);
  });

  it("keeps no readable trace of an email that is no account", () => {
    const digest = unknownEmailDigest("stranger@example.org");
    expect(digest).toMatch(/^[0-9a-f]{16}$/);
    expect(digest).toBe(unknownEmailDigest("stranger@example.org"));
    expect(digest).not.toBe(unknownEmailDigest("stranger2@example.org"));
  });
});
