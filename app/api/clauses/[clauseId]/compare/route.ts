// GET ?from=<versionId|current>&to=<versionId|current>: the changes between two readings.
import { routeDoor } from "@/lib/doors/route-door";
import { compareClauseVersions, ZCompareClauseVersions } from "@/lib/readings/compare-clause-versions";

export const dynamic = "force-dynamic";

export const GET = routeDoor("clause.view", ZCompareClauseVersions, compareClauseVersions);
