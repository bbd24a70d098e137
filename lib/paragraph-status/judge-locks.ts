// The guard's judgement of paragraph status (called from lib/proposals/judge-update.ts):
// - nobody's client may set or change a paragraph's status — the chair sets it through the
//   server (set-paragraph-status.ts). A client may recreate an element that carried a status
//   (the editor binding sometimes replaces a list item it restructures), but only with the very
//   words of one it removed, and that status: a status never passes to other words;
// - someone who may only suggest may not touch an agreed (or ad ref) paragraph, nor anything in
//   a clause that is agreed as a whole.

import type * as Y from "yjs";
import { clauseForm } from "@/lib/clause-model/clause-form";
import type { ClauseModel, ClauseNode, ListItem } from "@/lib/clause-model/clause-model";
import { childrenOf } from "@/lib/clause-model/clause-model";
import { type LockedStatus, lockedClauseMessage, lockedParagraphMessage, STATUS_SET_BY_CHAIR } from "./locked-message";
import { numberedParagraphs } from "./numbered-paragraphs";

function* listItemsIn(nodes: readonly ClauseNode[]): Generator<ListItem> {
  for (const node of nodes) {
    if (node.type === "listItem") yield node;
    yield* listItemsIn(childrenOf(node));
  }
}

/** Why the touched blocks' statuses changed in a way only the server may make them, or null. */
export function statusChangeRefusal(before: readonly ClauseNode[], after: readonly ClauseNode[]): string | null {
  const was = new Map<Y.XmlElement | ListItem, ListItem>();
  for (const item of listItemsIn(before)) was.set(item.source ?? item, item);
  const kept = new Set<Y.XmlElement | ListItem>();
  const made: ListItem[] = [];
  for (const item of listItemsIn(after)) {
    const key = item.source ?? item;
    const prior = was.get(key);
    if (prior) {
      kept.add(key);
      if (prior.status !== item.status) return STATUS_SET_BY_CHAIR;
    } else if (item.status !== "OPEN") made.push(item);
  }
  if (made.length === 0) return null;
  // Each recreated paragraph with a status stands for one removed with that status and its words.
  const removed: string[] = [];
  for (const [key, item] of was) if (!kept.has(key) && item.status !== "OPEN") removed.push(clauseForm([item]));
  for (const item of made) {
    const at = removed.indexOf(clauseForm([item]));
    if (at < 0) return STATUS_SET_BY_CHAIR;
    removed.splice(at, 1);
  }
  return null;
}

export type ClauseStanding = { number: string; status: "OPEN" | LockedStatus };

/**
 * Why this change may not be made by someone who may only suggest, or null: the clause is agreed
 * as a whole, or an agreed paragraph is not exactly what it was (unchanged paragraphs are the
 * very same objects from one reading to the next: lib/clause-model/clause-reader.ts).
 */
export function lockRefusal(before: ClauseModel | null, after: ClauseModel, clause: ClauseStanding): string | null {
  if (clause.status !== "OPEN") return lockedClauseMessage(clause.number, clause.status);
  const now = new Set(numberedParagraphs(after.blocks).map(({ item }) => item));
  for (const { number, item } of numberedParagraphs(before?.blocks ?? [])) {
    if (item.status !== "OPEN" && !now.has(item)) return lockedParagraphMessage(number, item.status);
  }
  return null;
}
