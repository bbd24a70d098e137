// A clause's proposals, as the proposals panel shows them: anyone who sees the clause reads them.
import { z } from "zod";
import { clauseDoor } from "@/lib/doors/clause-door";
import { answer } from "@/lib/doors/request-input";
import { listClauseProposals } from "@/lib/proposals/list-clause-proposals";

type Params = { params: Promise<{ clauseId: string }> };

const list = clauseDoor("clause.view", z.object({ clauseId: z.string() }), ({ clause }) =>
  listClauseProposals(clause.id),
);

export async function GET(request: Request, { params }: Params) {
  return answer(request, await params, list);
}
