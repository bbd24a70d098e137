// Walks the audit trail in order and recomputes every hash. Any row altered, removed from the
// middle or slipped in breaks the chain at that row.
import type { AuditEvent, PrismaClient } from "@/lib/db/generated/client";
import { auditHash, GENESIS_HASH } from "./audit-hash";

export type AuditChainReport =
  | { ok: true; entries: number; lastHash: string }
  | { ok: false; entries: number; brokenAtId: string; reason: string };

const BATCH = 1000;

export async function verifyAuditChain(db: PrismaClient): Promise<AuditChainReport> {
  let previousHash = GENESIS_HASH;
  let entries = 0;
  let after: bigint | null = null;
  for (;;) {
    const where: { id?: { gt: bigint } } = after === null ? {} : { id: { gt: after } };
    const rows: AuditEvent[] = await db.auditEvent.findMany({
      where,
      orderBy: { id: "asc" },
      take: BATCH,
    });
    if (rows.length === 0) return { ok: true, entries, lastHash: previousHash };
    for (const { id, hash, previousHash: storedPrevious, ...fields } of rows) {
      if (storedPrevious !== previousHash) {
        return { ok: false, entries, brokenAtId: id.toString(), reason: "does not follow the entry before it" };
      }
      if (auditHash(previousHash, fields) !== hash) {
        return { ok: false, entries, brokenAtId: id.toString(), reason: "was changed after it was written" };
      }
      previousHash = hash;
      entries += 1;
      after = id;
    }
  }
}
