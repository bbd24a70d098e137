// The guard's judgement of paragraph status (called from lib/proposals/judge-update.ts):
// - nobody's client may set or change a paragraph's status — the chair sets it through the
//   server (set-paragraph-status.ts). A client may recreate an element that carried a status
//   (the editor binding sometimes replaces a list item it restructures), but never make more
//   agreed paragraphs than the touched blocks held;
// - someone who may only suggest may not touch an agreed (or ad ref) paragraph, nor anything in
//   a clause that is agreed as a whole.

import type * as Y from "yjs";
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
  const made = { AGREED: 0, AGREED_AD_REF: 0 };
  for (const item of listItemsIn(after)) {
    const key = item.source ?? item;
    const prior = was.get(key);
    if (prior) {
      kept.add(key);
      if (prior.status !== item.status) return STATUS_SET_BY_CHAIR;
    } else if (item.status !== "OPEN") made[item.status]++;
  }
  for (const [key, item] of was) if (!kept.has(key) && item.status !== "OPEN") made[item.status]--;
  return made.AGREED > 0 || made.AGREED_AD_REF > 0 ? STATUS_SET_BY_CHAIR : null;
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
