// The guard's rule for alternatives, for every update from every role (the chair's too): the
// mark is placed and removed by the server's commands, never written through the socket. In the
// blocks an update touched, a set id that was not there may only be one of an open set of this
// clause that is nowhere else in the clause (the chair's undo bringing back deleted words does
// this) — a made-up id, another clause's set, a chosen set, a set's mark copied onto words of
// another paragraph, or an existing passage re-labelled as another set are refused;
// and the mark may not sit on words proposed for insertion (Alt 1 is agreed words).
import { type ClauseNode, paragraphsOf } from "@/lib/clause-model/clause-model";
import { idsOutside } from "@/lib/clause-model/ids-outside";

/** A set as the AlternativeSet table knows it. */
export type KnownSet = { clauseId: string; chosen: boolean };

function uses(nodes: readonly ClauseNode[]): { ids: Set<string>; onProposed: boolean } {
  const ids = new Set<string>();
  let onProposed = false;
  for (const paragraph of paragraphsOf(nodes))
    for (const inline of paragraph.inlines) {
      if (inline.type !== "text" || !inline.alternatives) continue;
      ids.add(inline.alternatives);
      if (inline.proposal?.kind === "insertion") onProposed = true;
    }
  return { ids, onProposed };
}

/** The set ids the update brought into the touched blocks: to look up in the table. */
export function newAlternativeIds(before: readonly ClauseNode[], after: readonly ClauseNode[]): Set<string> {
  const was = uses(before).ids;
  return new Set([...uses(after).ids].filter((id) => !was.has(id)));
}

/** Which of these set ids the clause holds outside the touched blocks `touched`. */
export function alternativesElsewhere(
  clause: readonly ClauseNode[],
  touched: readonly ClauseNode[],
  ids: ReadonlySet<string>,
): Set<string> {
  return idsOutside(clause, touched, ids, (run) => (run.alternatives ? [run.alternatives] : []));
}

/**
 * Why the update's alternatives are refused, or null. `known`: the rows of the new ids;
 * `elsewhere`: those of them the clause holds outside the touched blocks (alternativesElsewhere).
 */
export function checkAlternatives(
  before: readonly ClauseNode[],
  after: readonly ClauseNode[],
  clauseId: string,
  known: ReadonlyMap<string, KnownSet>,
  elsewhere: ReadonlySet<string> = new Set(),
): string | null {
  const was = uses(before);
  const now = uses(after);
  if (now.onProposed && !was.onProposed) return "marks proposed words as alternatives (Alt 1 is agreed words)";
  const fresh = [...now.ids].filter((id) => !was.ids.has(id));
  if (fresh.length > 0 && [...was.ids].some((id) => !now.ids.has(id)))
    return "moves words from one set of alternatives to another";
  for (const id of fresh) {
    const row = known.get(id);
    if (!row || row.clauseId !== clauseId) return "marks words as alternatives itself (only the server does)";
    if (row.chosen) return "brings back alternatives the chair has chosen between";
    if (elsewhere.has(id)) return "copies alternatives onto other words (only the server marks them)";
  }
  return null;
}
