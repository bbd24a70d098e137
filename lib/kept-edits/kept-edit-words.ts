// The words a set of Yjs updates typed, to tell a person exactly what was not kept.
import * as Y from "yjs";

/** Zero-width and text-direction characters: the suggest transform's anchors, never words. */
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g;
const MAX_LENGTH = 200;

export function wordsTypedIn(updates: readonly Uint8Array[]): string {
  if (updates.length === 0) return "";
  const { structs } = Y.decodeUpdate(Y.mergeUpdates([...updates]));
  const runs: string[] = [];
  let run = "";
  for (const struct of structs) {
    if (struct instanceof Y.Item && struct.content instanceof Y.ContentString) run += struct.content.str;
    else if (run) {
      // A paragraph or anything else between two runs of words separates them.
      runs.push(run);
      run = "";
    }
  }
  if (run) runs.push(run);
  const words = runs.join(" ").replace(INVISIBLE, "").replace(/\s+/g, " ").trim();
  return words.length > MAX_LENGTH ? `${words.slice(0, MAX_LENGTH - 1).trimEnd()}…` : words;
}

/** The refusal notice, followed by the words that were not kept, when there are any. */
export function withWordsNotKept(notice: string, updates: readonly Uint8Array[]): string {
  const words = wordsTypedIn(updates);
  return words ? `${notice} Not kept: “${words}”.` : notice;
}
