// The migration that added fingerprints computed them in SQL for the proposals already stored:
// that SQL must give exactly what proposalFingerprint gives, or every old proposal would read as
// revised (and its positions as outdated). Runs the migration's own expression on PostgreSQL.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { proposalFingerprint } from "@/lib/clause-model/proposal-fingerprint";
import { prisma } from "@/lib/db/prisma";

const migration = readFileSync(
  join(process.cwd(), "prisma/migrations/20261201100200_proposal_fingerprints/migration.sql"),
  "utf8",
);
const expression = migration.match(/encode\(sha256\([\s\S]*?'hex'\)/)?.[0] as string;

const words: [string, string, string][] = [
  ["INSERTION", " knowingly", ""],
  ["DELETION", "", "child pornography"],
  ["REPLACEMENT", "child sexual abuse material", "child pornography"],
  ["INSERTION", 'quotes " and \\ backslashes / slashes', ""],
  ["INSERTION", "new\nline\ttab\r\u0001\u001f control", "\u200b zero width"],
  ["REPLACEMENT", "État partie — « protection » 保护 حماية 🙂", "Ω"],
];

describe("the fingerprint backfill", () => {
  it("is in the migration", () => {
    expect(expression).toContain("sha256");
  });

  it.each(words)("gives the same fingerprint as the code (%s %j %j)", async (kind, insertedText, deletedText) => {
    const [row] = await prisma.$queryRawUnsafe<{ fingerprint: string }[]>(
      `SELECT ${expression} AS fingerprint FROM (VALUES ($1::"ProposalKind", $2::text, $3::text)) AS p("kind", "insertedText", "deletedText")`,
      kind,
      insertedText,
      deletedText,
    );
    expect(row.fingerprint).toBe(proposalFingerprint({ kind, insertedText, deletedText }));
  });
});
