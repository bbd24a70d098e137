// POST: the chair brings the clause back to this version, as the chair's proposals against the
// current text (nothing changes until they are accepted).
import { routeDoor } from "@/lib/doors/route-door";
import { restoreClauseVersion, ZRestoreClauseVersion } from "@/lib/readings/restore-clause-version";

export const dynamic = "force-dynamic";

export const POST = routeDoor("clause.restoreVersion", ZRestoreClauseVersion, (by, input) =>
  restoreClauseVersion(by, input),
);
