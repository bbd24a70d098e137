// Which comment threads still have words to sit on in a clause. A thread whose anchor mark is
// gone (its words were deleted) is detached (lib/comments/sync-thread-anchors.ts).
import type { ClauseModel } from "./clause-model";
import { paragraphsOf } from "./clause-model";

export function anchoredThreadIds(model: ClauseModel): Set<string> {
  const ids = new Set<string>();
  for (const paragraph of paragraphsOf(model.blocks))
    for (const inline of paragraph.inlines) if (inline.type === "text") for (const id of inline.anchors) ids.add(id);
  return ids;
}
