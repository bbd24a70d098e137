// What is known of proposal ids before an update claims them: who first used each one and as
// which kinds of mark, read from the rest of the clause's text (lib/clause-model) and from the
// Proposal table, which remembers ids whose marks are gone (withdrawn, decided). An id belongs
// for good to its first author; a decided one never comes back.
import type { ClauseNode } from "@/lib/clause-model/clause-model";
import { proposalOwners } from "@/lib/clause-model/proposal-owners";
import { prisma } from "@/lib/db/prisma";
import type { KnownProposal } from "./check-suggestion";

const MARK_KINDS: Record<string, ("insertion" | "deletion")[]> = {
  INSERTION: ["insertion"],
  DELETION: ["deletion"],
  REPLACEMENT: ["insertion", "deletion"],
};

/**
 * Rows of the Proposal table by id, remembered for as long as the clause stays open. Only a
 * decided row is final: the chair may decide any other since (on this instance or another), so
 * an id that comes back into the text is asked about again unless it is known to be decided.
 */
export type ProposalRows = Map<string, KnownProposal | null>;

async function rowsFor(clauseId: string, ids: string[], rows: ProposalRows): Promise<void> {
  const missing = ids.filter((id) => !rows.get(id)?.decided);
  if (missing.length === 0) return;
  const found = await prisma.proposal.findMany({
    where: { id: { in: missing } },
    select: { id: true, clauseId: true, authorId: true, kind: true, status: true, proposedAt: true },
  });
  // An id claimed here but not yet in the table keeps its claim.
  for (const id of missing) if (!rows.has(id)) rows.set(id, null);
  for (const row of found) {
    rows.set(row.id, {
      // An id from another clause belongs to no one here.
      authorId: row.clauseId === clauseId ? row.authorId : `another clause (${row.clauseId})`,
      kinds: new Set(MARK_KINDS[row.kind] ?? []),
      at: new Set([row.proposedAt.toISOString()]),
      decided: row.status === "ACCEPTED" || row.status === "REJECTED",
    });
  }
}

export async function knownProposals(
  clauseId: string,
  clause: readonly ClauseNode[],
  ids: ReadonlySet<string>,
  rows: ProposalRows,
): Promise<Map<string, KnownProposal>> {
  const known = new Map<string, KnownProposal>();
  if (ids.size === 0) return known;
  await rowsFor(clauseId, [...ids], rows);
  const inText = proposalOwners(clause, ids);
  for (const id of ids) {
    const row = rows.get(id);
    const text = inText.get(id);
    if (!row && !text) continue;
    known.set(id, {
      authorId: row?.authorId ?? text?.authorId ?? null,
      kinds: new Set([...(row?.kinds ?? []), ...(text?.kinds ?? [])]),
      at: new Set([...(row?.at ?? []), ...(text?.at ?? [])]),
      decided: row?.decided ?? false,
    });
  }
  return known;
}

/** After an update is accepted, its new ids are its author's: remembered without asking again. */
export function rememberClaims(rows: ProposalRows, claims: Map<string, KnownProposal>): void {
  for (const [id, claim] of claims) if (!rows.get(id)) rows.set(id, claim);
}
