// Word's tracked changes, grouped into proposals as Clausework keeps them: Word writes one
// change as several w:ins / w:del elements (one per run of formatting, a deletion and the
// insertion that replaces it side by side), so adjacent changed runs of one author in a
// paragraph are one proposal — a deletion followed by an insertion is a replacement.
import type { DraftArticle } from "./outline-draft";
import type { WordRun } from "./read-body";

export type DraftChange = {
  author: string;
  date: string | null;
  kind: "INSERTION" | "DELETION" | "REPLACEMENT";
  insertedText: string;
  deletedText: string;
};

/** For each run, the index of the change it belongs to in the paragraph's list (or null). */
export function groupChanges(runs: readonly WordRun[]): { groups: (number | null)[]; changes: DraftChange[] } {
  const groups: (number | null)[] = [];
  const changes: DraftChange[] = [];
  let current: DraftChange | null = null;
  for (const run of runs) {
    const change = run.change;
    if (!change) {
      current = null;
      groups.push(null);
      continue;
    }
    // An insertion after a deletion of the same author continues it; a deletion after an insertion starts anew.
    const continues =
      current !== null &&
      current.author === change.author &&
      (change.kind === "insertion" || current.insertedText === "");
    if (!continues) {
      current = { author: change.author, date: change.date, kind: "INSERTION", insertedText: "", deletedText: "" };
      changes.push(current);
    }
    const text = run.type === "text" ? run.text : "\n";
    const active = current as DraftChange;
    if (change.kind === "insertion") active.insertedText += text;
    else active.deletedText += text;
    active.kind =
      active.insertedText && active.deletedText ? "REPLACEMENT" : active.deletedText ? "DELETION" : "INSERTION";
    groups.push(changes.length - 1);
  }
  return { groups, changes };
}

export function changesIn(article: DraftArticle): DraftChange[] {
  return article.paragraphs.flatMap((paragraph) => groupChanges(paragraph.runs).changes);
}
