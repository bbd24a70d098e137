// Server-side behaviour of each capability (comments, proposals, access…) as Hocuspocus
// extensions, in one list. A capability adds its extension here; guards that must run before
// an update is saved use a priority above DURABLE_STORE_PRIORITY.
import type { Extension } from "@hocuspocus/server";
import { liveAccess } from "@/lib/access/live-access-extension";
import { commentAnchorsExtension } from "@/lib/comments/comment-anchors-extension";
import { proposalIndex } from "@/lib/proposals/proposal-index";
import { suggestOnlyGuard } from "@/lib/proposals/suggest-only-guard";

export function capabilityExtensions(): Extension[] {
  return [liveAccess(), suggestOnlyGuard(), proposalIndex(), commentAnchorsExtension()];
}
