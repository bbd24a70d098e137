// The chair's decision: accept or reject one proposal, a delegation's, or all in the clause.
// `{ "scope": { "proposalId" } | { "organizationId" } | { "all": true }, "outcome", "reason"?,
//    "fingerprint" (one proposal) | "fingerprints": { id: fingerprint } (a delegation's, all) }`
// — the fingerprints of the words the panel showed. 409 when they changed since.
import { routeDoor } from "@/lib/doors/route-door";
import { decideProposals, ZDecideProposals } from "@/lib/proposals/decide-proposals";

export const POST = routeDoor("proposal.decide", ZDecideProposals, decideProposals);
