// A delegation records (or changes) its position on an open proposal.
import { z } from "zod";
import { announceClauseEvent } from "@/lib/collab/announce-clause-event";
import type { ProposalStance } from "@/lib/db/generated/client";
import { prisma } from "@/lib/db/prisma";
import { PROPOSALS_CHANGED } from "./proposal-index";

/** What a delegation sends: where it stands on the proposal. */
export const ZPosition = z.object({
  stance: z.enum(["SUPPORTS", "OPPOSES", "RESERVES"], { message: "Choose supports, opposes or reserves." }),
});

export class NotOpen extends Error {}

export async function takePosition(input: {
  clauseId: string;
  proposalId: string;
  organizationId: string;
  userId: string;
  stance: ProposalStance;
}): Promise<void> {
  const proposal = await prisma.proposal.findFirst({ where: { id: input.proposalId, clauseId: input.clauseId } });
  if (!proposal) throw new NotOpen("This proposal does not exist in this clause.");
  if (proposal.status !== "OPEN")
    throw new NotOpen("This proposal has been decided or withdrawn; positions are closed.");
  await prisma.proposalPosition.upsert({
    where: { proposalId_organizationId: { proposalId: input.proposalId, organizationId: input.organizationId } },
    create: {
      proposalId: input.proposalId,
      organizationId: input.organizationId,
      userId: input.userId,
      stance: input.stance,
    },
    update: { userId: input.userId, stance: input.stance },
  });
  announceClauseEvent(input.clauseId, { type: PROPOSALS_CHANGED });
}
