// A delegation records (or changes, or confirms) its position on an open proposal — on the words
// it saw: the position carries their fingerprint, and is refused if the author has revised them
// since. A position counts only while the proposal still reads as it did (index-clause-proposals
// tells the delegation when it no longer does).

import { z } from "zod";
import type { SessionUser } from "@/lib/auth/session-user";
import { clauseContext, requireCan } from "@/lib/clauses/clause-context";
import { announceClauseMessage } from "@/lib/clauses/clause-messages-server";
import { afterCommit, inTransaction, type Tx } from "@/lib/commands/in-transaction";
import { parseInput } from "@/lib/commands/parse-input";
import { lockUntilCommit } from "@/lib/db/advisory-lock";
import type { ProposalStance } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors/app-error";
import { PROPOSAL_CHANGED } from "./decide-proposals";

/** What a delegation sends: where it stands on the proposal, and the words it was shown. */
export const ZPosition = z.object({
  stance: z.enum(["SUPPORTS", "OPPOSES", "RESERVES"], { message: "Choose supports, opposes or reserves." }),
  fingerprint: z
    .string({ message: "A position must say which words it is on (the proposal's fingerprint). Reload and try again." })
    .regex(/^[0-9a-f]{64}$/, "Not a proposal fingerprint."),
});

/** The position route's input: the position, and the clause and proposal the URL names. */
export const ZTakePosition = ZPosition.extend({ clauseId: z.string(), proposalId: z.uuid("Not a proposal.") });
export type TTakePosition = z.infer<typeof ZTakePosition>;

/** The delegation takes its position, as a command: the person must see the clause and be allowed to. */
export async function takePosition(
  by: SessionUser,
  input: TTakePosition,
  tx?: Tx,
): Promise<{ stance: ProposalStance }> {
  const { clauseId, proposalId, stance, fingerprint } = parseInput(ZTakePosition, input);
  const ctx = await clauseContext(by, clauseId);
  requireCan(ctx.actor, "proposal.takePosition", ctx.target);
  await recordPosition(
    { clauseId: ctx.clause.id, proposalId, organizationId: by.organizationId, userId: by.id, stance, fingerprint },
    tx,
  );
  return { stance };
}

/** Stores a position once the permissions module has let it through. */
export async function recordPosition(
  input: {
    clauseId: string;
    proposalId: string;
    organizationId: string;
    userId: string;
    stance: ProposalStance;
    /** The fingerprint of the proposal's words as the delegation saw them. */
    fingerprint: string;
  },
  tx?: Tx,
): Promise<void> {
  await inTransaction(tx, async (tx) => {
    // The index revises proposals under this lock: a position is on the words before or after.
    await lockUntilCommit(tx, { kind: "proposals", clauseId: input.clauseId });
    const proposal = await tx.proposal.findFirst({ where: { id: input.proposalId, clauseId: input.clauseId } });
    if (!proposal) throw new AppError("not_found", "This proposal does not exist in this clause.");
    if (proposal.status !== "OPEN")
      throw new AppError("conflict", "This proposal has been decided or withdrawn; positions are closed.");
    if (proposal.fingerprint !== input.fingerprint) throw new AppError("conflict", PROPOSAL_CHANGED);
    const position = { userId: input.userId, stance: input.stance, fingerprint: input.fingerprint };
    await tx.proposalPosition.upsert({
      where: { proposalId_organizationId: { proposalId: input.proposalId, organizationId: input.organizationId } },
      create: { proposalId: input.proposalId, organizationId: input.organizationId, ...position },
      update: position,
    });
    // The delegation has confirmed or changed its position: the request to do so is answered.
    await tx.notification.updateMany({
      where: {
        kind: "PROPOSAL_REVISED",
        proposalId: input.proposalId,
        readAt: null,
        user: { memberships: { some: { organizationId: input.organizationId } } },
      },
      data: { readAt: new Date() },
    });
    afterCommit(tx, () => announceClauseMessage(input.clauseId, { type: "proposals.changed" }));
  });
}
