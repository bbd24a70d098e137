"use server";
// The proposals panel's doors: each goes through clauseDoor (session → clause → role → can → zod).
import { z } from "zod";
import { clauseDoor } from "@/lib/doors/clause-door";
import { DoorRefusal } from "@/lib/doors/door-result";
import { decideProposals, NothingToDecide } from "./decide-proposals";
import { listClauseProposals } from "./list-clause-proposals";
import { NotOpen, takePosition } from "./take-position";

const ZClause = z.object({ clauseId: z.string().uuid("Not a clause.") });

const ZDecision = ZClause.extend({
  scope: z.union([
    z.object({ proposalId: z.string().min(1).max(100) }),
    z.object({ organizationId: z.string().uuid("Not a delegation.") }),
    z.object({ all: z.literal(true) }),
  ]),
  outcome: z.enum(["ACCEPTED", "REJECTED"], { message: "Choose accept or reject." }),
  reason: z.string().trim().max(2000, "Keep the reason under 2,000 characters.").optional(),
});

const ZPosition = ZClause.extend({
  proposalId: z.string().min(1).max(100),
  stance: z.enum(["SUPPORTS", "OPPOSES", "RESERVES"], { message: "Choose supports, opposes or reserves." }),
});

const list = clauseDoor("clause.view", ZClause, async ({ clause }) => listClauseProposals(clause.id));

const decide = clauseDoor("proposal.decide", ZDecision, async ({ user, clause }, input) => {
  try {
    return await decideProposals({
      clauseId: clause.id,
      scope: input.scope,
      outcome: input.outcome,
      reason: input.reason ? input.reason : null,
      decidedById: user.id,
      decidedBy: user,
      instrumentId: clause.instrumentId,
    });
  } catch (error) {
    if (error instanceof NothingToDecide) throw new DoorRefusal(400, error.message);
    throw error;
  }
});

const position = clauseDoor("proposal.takePosition", ZPosition, async ({ user, clause }, input) => {
  try {
    await takePosition({
      clauseId: clause.id,
      proposalId: input.proposalId,
      organizationId: user.organizationId,
      userId: user.id,
      stance: input.stance,
    });
    return { stance: input.stance };
  } catch (error) {
    if (error instanceof NotOpen) throw new DoorRefusal(400, error.message);
    throw error;
  }
});

export async function listProposalsAction(input: z.input<typeof ZClause>) {
  return list(input);
}

export async function decideProposalsAction(input: z.input<typeof ZDecision>) {
  return decide(input);
}

export async function takePositionAction(input: z.input<typeof ZPosition>) {
  return position(input);
}
