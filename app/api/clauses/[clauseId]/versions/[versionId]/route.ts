// GET: one version of the clause — its agreed text by numbered paragraph, what was open then.
import { routeDoor } from "@/lib/doors/route-door";
import { showClauseVersion, ZShowClauseVersion } from "@/lib/readings/list-clause-versions";

export const dynamic = "force-dynamic";

export const GET = routeDoor("clause.view", ZShowClauseVersion, showClauseVersion);
