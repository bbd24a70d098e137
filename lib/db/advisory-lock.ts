// Transaction-scoped PostgreSQL advisory locks, by typed key: what is serialised is named once
// here, so two places that must wait for each other cannot spell the key differently. Each key
// renders to the text that is hashed (kept as it always was, so an instance still running older
// code during a deploy takes the same lock). Held until the transaction ends.
import type { Prisma } from "./generated/client";

export type LockKey =
  /** Appends to the audit chain: each reads the hash of the one before it. */
  | { kind: "audit-trail" }
  /** Seeding the demo data once, when several processes start at once. */
  | { kind: "seed-demo-data" }
  /** Positions of an instrument's chapters. */
  | { kind: "instrument-order"; instrumentId: string }
  /** Positions of a chapter's clauses. */
  | { kind: "chapter-order"; chapterId: string }
  /** Who takes part in an instrument (an instrument always keeps a chair). */
  | { kind: "participants"; instrumentId: string }
  /** A clause's proposals index and decisions. */
  | { kind: "proposals"; clauseId: string }
  /** A clause's stored Yjs state (compaction). */
  | { kind: "clause"; clauseId: string }
  /** A set of alternatives' options and supports (lib/alternatives). */
  | { kind: "alternatives"; setId: string }
  /** Sign-in attempts on one account (taken before the address's, always in that order). */
  | { kind: "sign-in-account"; email: string }
  /** Sign-in attempts from one address. */
  | { kind: "sign-in-address"; address: string };

// The sign-in locks are two-key locks: the first key is a space of their own, so they never meet
// the single-key locks above, however the text hashes.
const LOCK_SPACE = { "sign-in-account": 7101, "sign-in-address": 7102 } as const;

export function lockText(key: LockKey): string {
  switch (key.kind) {
    case "audit-trail":
      return "clausework:audit-trail";
    case "seed-demo-data":
      return "clausework:seed-demo-data";
    case "instrument-order":
      return `instrument-order:${key.instrumentId}`;
    case "chapter-order":
      return `chapter-order:${key.chapterId}`;
    case "participants":
      return `participants:${key.instrumentId}`;
    case "proposals":
      return `proposals:${key.clauseId}`;
    case "clause":
      return `clause:${key.clauseId}`;
    case "alternatives":
      return `alternatives:${key.setId}`;
    case "sign-in-account":
      return key.email;
    case "sign-in-address":
      return key.address;
  }
}

/** Waits for the lock and holds it until the transaction commits or rolls back. */
export async function lockUntilCommit(tx: Prisma.TransactionClient, key: LockKey): Promise<void> {
  const text = lockText(key);
  if (key.kind === "sign-in-account" || key.kind === "sign-in-address") {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${LOCK_SPACE[key.kind]}::int4, hashtext(${text}))`;
  } else {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${text}))`;
  }
}
