// The words of a set of Yjs updates, to tell a person exactly what was not kept: the words they
// typed, and the words they proposed to delete. A proposed deletion puts no words into an update
// (it marks words already there), so those are read from the page's copy of the clause, which
// still holds the refused edit when it is named.
import * as Y from "yjs";
import { readClause } from "@/lib/clause-model/read-clause";
import { readProposals } from "@/lib/clause-model/read-proposals";

/** Zero-width and text-direction characters: the suggest transform's anchors, never words. */
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g;
const MAX_LENGTH = 200;

function shortened(words: string): string {
  const clean = words.replace(INVISIBLE, "").replace(/\s+/g, " ").trim();
  return clean.length > MAX_LENGTH ? `${clean.slice(0, MAX_LENGTH - 1).trimEnd()}…` : clean;
}

function structsOf(updates: readonly Uint8Array[]) {
  return updates.length === 0 ? [] : Y.decodeUpdate(Y.mergeUpdates([...updates])).structs;
}

export function wordsTypedIn(updates: readonly Uint8Array[]): string {
  const runs: string[] = [];
  let run = "";
  for (const struct of structsOf(updates)) {
    if (struct instanceof Y.Item && struct.content instanceof Y.ContentString) run += struct.content.str;
    else if (run) {
      // A paragraph or anything else between two runs of words separates them.
      runs.push(run);
      run = "";
    }
  }
  if (run) runs.push(run);
  return shortened(runs.join(" "));
}

/** The ids of the proposed deletions these updates mark (a mark's start carries its attributes). */
function deletionIdsIn(updates: readonly Uint8Array[]): Set<string> {
  const ids = new Set<string>();
  for (const struct of structsOf(updates)) {
    if (!(struct instanceof Y.Item) || !(struct.content instanceof Y.ContentFormat)) continue;
    const { key, value } = struct.content as { key: string; value: { id?: unknown } | null };
    if (key === "deletion" && typeof value?.id === "string") ids.add(value.id);
  }
  return ids;
}

/** The words these updates proposed to delete, as `doc` (holding them) reads. */
export function wordsStruckIn(updates: readonly Uint8Array[], doc: Y.Doc): string {
  const ids = deletionIdsIn(updates);
  if (ids.size === 0) return "";
  let proposals: ReturnType<typeof readProposals>;
  try {
    proposals = readProposals(readClause(doc));
  } catch {
    // Not readable as a clause: there are no proposals to name.
    return "";
  }
  return shortened(
    proposals
      .filter((proposal) => ids.has(proposal.id) && proposal.deletedText)
      .map((proposal) => proposal.deletedText)
      .join(" "),
  );
}

/**
 * The refusal notice, followed by what was not kept, when there is anything to name: the words
 * typed, and (given the page's document) those proposed for deletion.
 */
export function withWordsNotKept(notice: string, updates: readonly Uint8Array[], doc?: Y.Doc): string {
  const typed = wordsTypedIn(updates);
  const struck = doc ? wordsStruckIn(updates, doc) : "";
  const parts = [typed && `“${typed}”`, struck && `the proposed deletion of “${struck}”`].filter(Boolean);
  return parts.length > 0 ? `${notice} Not kept: ${parts.join("; ")}.` : notice;
}
