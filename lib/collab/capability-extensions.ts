// Server-side behaviour of each capability (comments, proposals, access…) as Hocuspocus
// extensions, in one list. A capability adds its extension here; guards that must run before
// an update is saved use a priority above DURABLE_STORE_PRIORITY.
import type { Extension } from "@hocuspocus/server";
import { liveAccess } from "@/lib/access/live-access-extension";
import { bracketsExtension } from "@/lib/brackets/brackets-extension";
import { commentAnchorsExtension } from "@/lib/comments/comment-anchors-extension";
import { paragraphProgress } from "@/lib/paragraph-status/progress-extension";
import { clauseGuard } from "@/lib/proposals/clause-guard";
import { proposalIndex } from "@/lib/proposals/proposal-index";
import type { SaveOutage } from "./save-until-stored";

/** `outage`: the server's one outage, for the guards that must reach PostgreSQL before an edit is kept. */
export function capabilityExtensions(outage: SaveOutage): Extension[] {
  return [
    liveAccess(),
    clauseGuard(outage),
    proposalIndex(),
    commentAnchorsExtension(),
    bracketsExtension(),
    paragraphProgress(),
  ];
}
