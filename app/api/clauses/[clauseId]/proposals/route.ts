// A clause's proposals, as the proposals panel shows them: anyone who sees the clause reads them.
import { routeDoor } from "@/lib/doors/route-door";
import { listProposals, ZListProposals } from "@/lib/proposals/list-clause-proposals";

export const GET = routeDoor("clause.view", ZListProposals, listProposals);
