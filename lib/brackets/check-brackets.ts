// The guard's rule for square brackets, for every update from every role (the chair's client
// too): brackets are placed and removed by the server's commands (place-bracket.ts,
// remove-bracket.ts), never written through the socket. In the blocks an update touched:
// - a bracket that was there must keep exactly its attributes (no re-labelling it as another
//   delegation's, no new time or note);
// - a bracket that was not there may only be one the server placed in this clause and nobody
//   removed, with exactly its attributes, and that is nowhere else in the clause (the chair's
//   undo bringing back deleted words does this); anything else — a forged delegation, a made-up
//   id, a delegation's bracket copied onto words of another paragraph — is refused;
// - a bracket may not sit on words proposed for insertion: it covers agreed words only.
// Taking a bracket off words that stay is, for those who may only suggest, a change of the
// agreed text (lib/clause-model/agreed-form.ts compares brackets too), refused there.
import { type BracketOnWords, type ClauseNode, paragraphsOf } from "@/lib/clause-model/clause-model";
import { idsOutside } from "@/lib/clause-model/ids-outside";

/** A bracket as the Bracket table knows it. */
export type KnownBracket = { clauseId: string; bracket: BracketOnWords; removed: boolean };

type Uses = { attrs: Map<string, string>; onProposed: Set<string> };

function uses(nodes: readonly ClauseNode[]): Uses {
  const attrs = new Map<string, string>();
  const onProposed = new Set<string>();
  for (const paragraph of paragraphsOf(nodes))
    for (const inline of paragraph.inlines) {
      if (inline.type !== "text") continue;
      for (const bracket of inline.brackets) {
        attrs.set(bracket.id, JSON.stringify(bracket));
        if (inline.proposal?.kind === "insertion") onProposed.add(`${bracket.id}:${inline.proposal.id}`);
      }
    }
  return { attrs, onProposed };
}

/** The bracket ids the update brought into the touched blocks: to look up in the Bracket table. */
export function newBracketIds(before: readonly ClauseNode[], after: readonly ClauseNode[]): Set<string> {
  const was = uses(before).attrs;
  return new Set([...uses(after).attrs.keys()].filter((id) => !was.has(id)));
}

/** Which of these bracket ids the clause holds outside the touched blocks `touched`. */
export function bracketsElsewhere(
  clause: readonly ClauseNode[],
  touched: readonly ClauseNode[],
  ids: ReadonlySet<string>,
): Set<string> {
  return idsOutside(clause, touched, ids, (run) => run.brackets.map((bracket) => bracket.id));
}

/**
 * Why the update's brackets are refused, or null. `known`: the Bracket rows of the new ids;
 * `elsewhere`: those of them the clause holds outside the touched blocks (bracketsElsewhere).
 */
export function checkBrackets(
  before: readonly ClauseNode[],
  after: readonly ClauseNode[],
  clauseId: string,
  known: ReadonlyMap<string, KnownBracket>,
  elsewhere: ReadonlySet<string> = new Set(),
): string | null {
  const was = uses(before);
  const now = uses(after);
  for (const pair of now.onProposed)
    if (!was.onProposed.has(pair)) return "puts a bracket on proposed words (a bracket covers agreed words only)";
  for (const [id, attrs] of now.attrs) {
    const previous = was.attrs.get(id);
    if (previous !== undefined) {
      if (previous !== attrs) return "changes a bracket's delegation, person, time or note";
      continue;
    }
    const row = known.get(id);
    if (!row || row.clauseId !== clauseId) return "places a bracket itself (only the server places brackets)";
    if (row.removed) return "brings back a bracket the chair removed";
    if (elsewhere.has(id)) return "copies a bracket onto other words (only the server places brackets)";
    if (JSON.stringify(row.bracket) !== attrs) return "brings back a bracket with forged attributes";
  }
  return null;
}
