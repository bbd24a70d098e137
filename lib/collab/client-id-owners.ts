// The owners of an open clause's client ids, cached in memory: after an id's first claim,
// honest typing never asks the database again. Ownership never changes once recorded, so the
// cache cannot go stale; it is dropped when the clause is unloaded.
import type * as Y from "yjs";
import { type ClientOwner, claimClientIds } from "./client-id-ownership";

export class ClientIdOwners {
  private readonly byClause = new Map<string, Map<number, ClientOwner>>();

  /**
   * The owner of each id. An id nobody owns yet is claimed for `claimant` — unless the live
   * clause already holds structs under it: then the server wrote them (a decision, an anchor,
   * seeded text) or they predate ownership, and the id is recorded as the server's.
   */
  async ownersOf(clauseId: string, ids: number[], claimant: string, live: Y.Doc): Promise<Map<number, ClientOwner>> {
    const known = this.byClause.get(clauseId) ?? new Map<number, ClientOwner>();
    this.byClause.set(clauseId, known);
    const unknown = ids.filter((id) => !known.has(id));
    if (unknown.length > 0) {
      const claims = new Map(unknown.map((id) => [id, live.store.clients.has(id) ? null : claimant]));
      for (const [id, owner] of await claimClientIds(clauseId, claims)) known.set(id, owner);
    }
    return new Map(ids.map((id) => [id, known.get(id) ?? null]));
  }

  forget(clauseId: string): void {
    this.byClause.delete(clauseId);
  }
}
