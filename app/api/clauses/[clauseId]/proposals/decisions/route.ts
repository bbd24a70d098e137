// The chair's decision: accept or reject one proposal, a delegation's, or all in the clause.
// `{ "scope": { "proposalId" } | { "organizationId" } | { "all": true }, "outcome", "reason"?,
//    "fingerprint" (one proposal) | "fingerprints": { id: fingerprint } (a delegation's, all) }`
// — the fingerprints of the words the panel showed. 409 when they changed since.
import { z } from "zod";
import { clauseDoor } from "@/lib/doors/clause-door";
import { answer } from "@/lib/doors/request-input";
import { decideProposals, ZDecision } from "@/lib/proposals/decide-proposals";
import { refusingAsHttp } from "../refusal-status";

type Params = { params: Promise<{ clauseId: string }> };

const decide = clauseDoor("proposal.decide", ZDecision.extend({ clauseId: z.string() }), ({ user, clause }, input) =>
  refusingAsHttp(() =>
    decideProposals({
      clauseId: clause.id,
      scope: input.scope,
      outcome: input.outcome,
      reason: input.reason ? input.reason : null,
      fingerprint: input.fingerprint,
      fingerprints: input.fingerprints,
      decidedById: user.id,
      decidedBy: user,
      instrumentId: clause.instrumentId,
    }),
  ),
);

export async function POST(request: Request, { params }: Params) {
  return answer(request, await params, decide);
}
