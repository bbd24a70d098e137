// Hocuspocus extension: after the text of a clause changes, find which threads lost (or got
// back) their words and record it (lib/collab/follow-clause-text.ts: debounced, read
// incrementally, PostgreSQL asked only when the set of anchored threads changed).
import type { Extension } from "@hocuspocus/server";
import { anchoredThreadIds } from "@/lib/clause-model/anchored-threads";
import { followClauseText } from "@/lib/collab/follow-clause-text";
import { syncThreadAnchors } from "./sync-thread-anchors";

export function commentAnchorsExtension(): Extension {
  return followClauseText({
    extensionName: "comment-anchors",
    derive: anchoredThreadIds,
    record: syncThreadAnchors,
    events: {
      readFailed: "comments.anchor-read-failed",
      recordFailed: "comments.anchor-sync-failed",
      recordFailedMessage: "could not check thread anchors",
    },
  });
}
