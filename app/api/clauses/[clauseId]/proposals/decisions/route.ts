// The chair's decision: accept or reject one proposal, a delegation's, or all in the clause.
// `{ "scope": { "proposalId" } | { "organizationId" } | { "all": true }, "outcome", "reason"? }`
import { z } from "zod";
import { clauseDoor } from "@/lib/doors/clause-door";
import { DoorRefusal } from "@/lib/doors/door-result";
import { answer } from "@/lib/doors/request-input";
import { decideProposals, NothingToDecide, ZDecision } from "@/lib/proposals/decide-proposals";

type Params = { params: Promise<{ clauseId: string }> };

const decide = clauseDoor(
  "proposal.decide",
  ZDecision.extend({ clauseId: z.string() }),
  async ({ user, clause }, input) => {
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
  },
);

export async function POST(request: Request, { params }: Params) {
  return answer(request, await params, decide);
}
