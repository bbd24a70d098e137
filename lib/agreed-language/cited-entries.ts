// Where words in a clause say they were taken from: the agreed-language entries their insertion
// marks cite (read from the clause model). The collaboration server refuses an update that adds
// a citation the clause's instrument's library does not hold (lib/proposals/judge-update.ts).
import { type ClauseNode, paragraphsOf } from "@/lib/clause-model/clause-model";

function citationsIn(nodes: readonly ClauseNode[]): Set<string> {
  const cited = new Set<string>();
  for (const paragraph of paragraphsOf(nodes))
    for (const inline of paragraph.inlines)
      if (inline.type === "text" && inline.proposal?.citation != null) cited.add(inline.proposal.citation);
  return cited;
}

/** Citations the nodes after an edit hold that they did not hold before it. */
export function newCitations(before: readonly ClauseNode[], after: readonly ClauseNode[]): Set<string> {
  const had = citationsIn(before);
  return new Set([...citationsIn(after)].filter((id) => !had.has(id)));
}
