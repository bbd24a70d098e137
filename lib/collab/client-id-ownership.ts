// Who each Yjs client id of a clause belongs to, kept in PostgreSQL so every instance agrees.
//
// Why: a Yjs update names the client id its structs are written under, and nothing in Yjs
// proves it. A modified client could write under another person's id, at the clocks that
// person is about to use; Yjs then drops that person's own later words everywhere as
// duplicates of structs it already has. So an id belongs, for good, to the first person who
// uses it in the clause (by writing or by announcing presence), and to the server for the ids
// it writes under itself (decisions, comment anchors, seeded text).
import * as Y from "yjs";
import type { Prisma } from "@/lib/db/generated/client";
import { prisma } from "@/lib/db/prisma";

/** A person's user id, or null: the server wrote under this id and nobody else may. */
export type ClientOwner = string | null;

type Db = Pick<Prisma.TransactionClient, "clauseClient">;

/** The client ids an update writes structs under (deletions are not written under an id). */
export function clientIdsWrittenIn(update: Uint8Array): number[] {
  const ids = new Set<number>();
  for (const struct of Y.decodeUpdate(update).structs) {
    if (!(struct instanceof Y.Skip)) ids.add(struct.id.client);
  }
  return [...ids];
}

/**
 * Claims each id for the owner proposed for it, unless it already has one, and answers every
 * id's owner. Atomic per id (INSERT … ON CONFLICT DO NOTHING, then read): when two instances
 * claim one id at once, both read the same winner.
 */
export async function claimClientIds(
  clauseId: string,
  claims: Map<number, ClientOwner>,
  db: Db = prisma,
): Promise<Map<number, ClientOwner>> {
  const clientIds = [...claims.keys()];
  if (clientIds.length === 0) return new Map();
  await db.clauseClient.createMany({
    data: clientIds.map((clientId) => ({ clauseId, clientId: BigInt(clientId), userId: claims.get(clientId) ?? null })),
    skipDuplicates: true,
  });
  const rows = await db.clauseClient.findMany({
    where: { clauseId, clientId: { in: clientIds.map(BigInt) } },
    select: { clientId: true, userId: true },
  });
  return new Map(rows.map((row) => [Number(row.clientId), row.userId]));
}

/**
 * For server-side writers (decisions, comment anchors): records the ids their update is
 * written under as the server's, in the same transaction that stores the update, so no
 * connection can claim them first on an instance the update has not reached yet.
 */
export async function recordServerWrite(db: Db, clauseId: string, update: Uint8Array): Promise<void> {
  await claimClientIds(clauseId, new Map(clientIdsWrittenIn(update).map((id) => [id, null])), db);
}
