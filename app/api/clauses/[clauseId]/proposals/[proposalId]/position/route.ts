// The delegation's position on a proposal: `{ "stance": "SUPPORTS" | "OPPOSES" | "RESERVES" }`.
// PUT: a delegation has one position per proposal, which it may change.
import { z } from "zod";
import { clauseDoor } from "@/lib/doors/clause-door";
import { DoorRefusal } from "@/lib/doors/door-result";
import { answer } from "@/lib/doors/request-input";
import { NotOpen, takePosition, ZPosition } from "@/lib/proposals/take-position";

type Params = { params: Promise<{ clauseId: string; proposalId: string }> };

const position = clauseDoor(
  "proposal.takePosition",
  ZPosition.extend({ clauseId: z.string(), proposalId: z.uuid("Not a proposal.") }),
  async ({ user, clause }, input) => {
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
  },
);

export async function PUT(request: Request, { params }: Params) {
  return answer(request, await params, position);
}
