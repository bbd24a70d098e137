// Hocuspocus extension: after a clause's text changes, find which brackets lost (or got back)
// their words and record it (sync-brackets.ts), as the comment anchors' extension does for
// threads (lib/collab/follow-clause-text.ts: debounced, read incrementally, PostgreSQL asked only
// when the set of brackets in the text changed).
import type { Extension } from "@hocuspocus/server";
import { followClauseText } from "@/lib/collab/follow-clause-text";
import { bracketsInClause } from "./brackets-in-clause";
import { syncBrackets } from "./sync-brackets";

export function bracketsExtension(): Extension {
  return followClauseText({
    extensionName: "brackets",
    derive: (model) => new Set(bracketsInClause(model.blocks).map((bracket) => bracket.id)),
    record: syncBrackets,
    events: {
      readFailed: "brackets.read-failed",
      recordFailed: "brackets.sync-failed",
      recordFailedMessage: "could not sync brackets",
    },
  });
}
