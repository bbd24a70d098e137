// GET: the clause's versions, newest first (anyone who sees the clause).
// POST {"name", "note"?}: the chair saves a version of the clause as it stands.
import { routeDoor } from "@/lib/doors/route-door";
import { listClauseVersions, ZListClauseVersions } from "@/lib/readings/list-clause-versions";
import { saveClauseVersion, ZSaveClauseVersion } from "@/lib/readings/save-clause-version";

export const dynamic = "force-dynamic";

export const GET = routeDoor("clause.view", ZListClauseVersions, listClauseVersions);
export const POST = routeDoor("reading.save", ZSaveClauseVersion, saveClauseVersion);
