// The delegation's position on a proposal: `{ "stance": "SUPPORTS" | "OPPOSES" | "RESERVES",
// "fingerprint" }` — the fingerprint of the words the panel showed (409 if revised since).
// PUT: a delegation has one position per proposal, which it may change or confirm.
import { z } from "zod";
import { clauseDoor } from "@/lib/doors/clause-door";
import { answer } from "@/lib/doors/request-input";
import { takePosition, ZPosition } from "@/lib/proposals/take-position";
import { refusingAsHttp } from "../../refusal-status";

type Params = { params: Promise<{ clauseId: string; proposalId: string }> };

const position = clauseDoor(
  "proposal.takePosition",
  ZPosition.extend({ clauseId: z.string(), proposalId: z.uuid("Not a proposal.") }),
  ({ user, clause }, input) =>
    refusingAsHttp(async () => {
      await takePosition({
        clauseId: clause.id,
        proposalId: input.proposalId,
        organizationId: user.organizationId,
        userId: user.id,
        stance: input.stance,
        fingerprint: input.fingerprint,
      });
      return { stance: input.stance };
    }),
);

export async function PUT(request: Request, { params }: Params) {
  return answer(request, await params, position);
}
