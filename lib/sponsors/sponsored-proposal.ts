// The proposal a sponsorship command acts on, read under the clause's proposals lock (the index
// revises proposals under it, so an invitation or an answer is on the words before or after a
// revision, never between), and the proposal as a Target for the permissions module.
import type { ClauseContext } from "@/lib/clauses/clause-context";
import type { Tx } from "@/lib/commands/in-transaction";
import { lockUntilCommit } from "@/lib/db/advisory-lock";
import { AppError } from "@/lib/errors/app-error";
import type { Target } from "@/lib/permissions/can";

export const SPONSORS_CLOSED = "This proposal has been decided or withdrawn; its sponsors can no longer change.";

export async function sponsoredProposal(tx: Tx, ctx: ClauseContext, proposalId: string) {
  await lockUntilCommit(tx, { kind: "proposals", clauseId: ctx.clause.id });
  const proposal = await tx.proposal.findFirst({
    where: { id: proposalId, clauseId: ctx.clause.id },
    include: { organization: { select: { code: true, name: true } } },
  });
  if (!proposal) throw new AppError("not_found", "This proposal does not exist in this clause.");
  const target: Target = {
    ...ctx.target,
    authorId: proposal.authorId,
    authorOrganizationId: proposal.organizationId,
  };
  return { proposal, target };
}

/** Sponsors change only while the proposal is open: a decided text has its names already. */
export function requireOpen(proposal: { status: string }): void {
  if (proposal.status !== "OPEN") throw new AppError("conflict", SPONSORS_CLOSED);
}
