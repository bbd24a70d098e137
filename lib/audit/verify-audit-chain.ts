// Walks the audit trail in order and recomputes every hash. Any row altered, removed from the
// middle or slipped in breaks the chain at that row. The end of the chain is compared with the
// trail's anchor (AuditAnchor, moved with every entry): entries cut from the end leave the anchor
// ahead of the chain. Someone holding the database's keys could rewrite the anchor too, so an
// operator may also keep the anchor line that audit:verify prints, and pass it back (`kept`):
// the entry it names must still be there, with the same hash.
import { type AuditEvent, Prisma, type PrismaClient } from "@/lib/db/generated/client";
import { auditHash, GENESIS_HASH } from "./audit-hash";

/** An entry the operator noted earlier (audit:verify prints it as `<id>:<hash>`). */
export type KeptAnchor = { id: bigint; hash: string };

export type AuditChainReport =
  | { ok: true; entries: number; lastId: string; lastHash: string }
  | {
      ok: false;
      /** Entries that verify, from the start. */
      entries: number;
      /** The first entry that does not verify, when one does not. */
      brokenAtId?: string;
      /** Entries gone from the end: after the chain's last entry, up to the anchor's. */
      missing?: { afterId: string; throughId: string; count: number };
      reason: string;
    };

const BATCH = 1000;

export function verifyAuditChain(db: PrismaClient, kept?: KeptAnchor): Promise<AuditChainReport> {
  // One snapshot for the anchor and every row: entries appended meanwhile are simply not seen.
  return db.$transaction((tx) => verifyIn(tx, kept), {
    isolationLevel: Prisma.TransactionIsolationLevel.RepeatableRead,
    maxWait: 10_000,
    timeout: 30 * 60_000,
  });
}

async function verifyIn(tx: Prisma.TransactionClient, kept: KeptAnchor | undefined): Promise<AuditChainReport> {
  const anchor = await tx.auditAnchor.findUnique({ where: { id: 1 } });
  if (!anchor) return { ok: false, entries: 0, reason: "has no anchor (the AuditAnchor row was removed)" };

  let previousHash = GENESIS_HASH;
  let lastId = 0n;
  let entries = 0;
  let sawKept = false;
  for (;;) {
    const rows: AuditEvent[] = await tx.auditEvent.findMany({
      where: { id: { gt: lastId } },
      orderBy: { id: "asc" },
      take: BATCH,
    });
    if (rows.length === 0) break;
    for (const { id, hash, previousHash: storedPrevious, ...fields } of rows) {
      const broken = (reason: string): AuditChainReport => ({ ok: false, entries, brokenAtId: id.toString(), reason });
      if (storedPrevious !== previousHash) {
        return broken(
          entries + 1 > anchor.entries
            ? "comes after the anchored end of the trail and was not written by the application"
            : "does not follow the entry before it (entries were removed before it, or it was slipped in)",
        );
      }
      if (auditHash(previousHash, fields) !== hash) return broken("was changed after it was written");
      if (kept && id === kept.id) {
        if (hash !== kept.hash) return broken(`does not have the hash of the anchor you kept (${kept.hash})`);
        sawKept = true;
      }
      previousHash = hash;
      lastId = id;
      entries += 1;
    }
  }

  if (BigInt(entries) < anchor.entries || lastId < anchor.lastId) {
    const count = Number(anchor.entries) - entries;
    return {
      ok: false,
      entries,
      missing: { afterId: lastId.toString(), throughId: anchor.lastId.toString(), count },
      reason:
        `ends at entry ${lastId} after ${entries} entries, but its anchor records ${anchor.entries} entries ` +
        `ending at entry ${anchor.lastId} (hash ${anchor.lastHash}, written ${anchor.at.toISOString()}): ` +
        `${count} entries after ${lastId} are missing`,
    };
  }
  if (BigInt(entries) !== anchor.entries || lastId !== anchor.lastId || previousHash !== anchor.lastHash) {
    return {
      ok: false,
      entries,
      reason: `ends at entry ${lastId} (hash ${previousHash}) after ${entries} entries, but its anchor records ${anchor.entries} entries ending at entry ${anchor.lastId} (hash ${anchor.lastHash})`,
    };
  }
  if (kept && !sawKept) {
    return {
      ok: false,
      entries,
      missing: { afterId: lastId.toString(), throughId: kept.id.toString(), count: 0 },
      reason: `no longer holds entry ${kept.id}, which the anchor you kept names (hash ${kept.hash}): the trail was cut and its anchor rewritten`,
    };
  }
  return { ok: true, entries, lastId: lastId.toString(), lastHash: previousHash };
}
