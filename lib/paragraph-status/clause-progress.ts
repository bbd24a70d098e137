// How far each clause is agreed, as the clause list and header show it ("7 of 12 paragraphs
// agreed"). Counted by the clause model from the text (numbered-paragraphs.ts) and stored in
// ClauseProgress whenever it changes: on each save (progress-extension.ts), when the chair sets a
// status (set-paragraph-status.ts), and the first time a clause is shown without a count.
import * as Y from "yjs";
import type { ClauseModel } from "@/lib/clause-model/clause-model";
import { isClauseUnreadable } from "@/lib/clause-model/clause-unreadable";
import { readClause } from "@/lib/clause-model/read-clause";
import { loadClauseState } from "@/lib/collab/clause-store";
import type { ClauseStatus, Prisma } from "@/lib/db/generated/client";
import { prisma } from "@/lib/db/prisma";
import { type ClauseProgressCount, numberedParagraphs } from "./numbered-paragraphs";

type Db = Prisma.TransactionClient;

/** The paragraphs marked agreed and ad ref in the text itself (before the clause's own status). */
export function markedProgress(model: ClauseModel): ClauseProgressCount {
  const paragraphs = numberedParagraphs(model.blocks);
  return {
    paragraphs: paragraphs.length,
    agreed: paragraphs.filter(({ item }) => item.status === "AGREED").length,
    adRef: paragraphs.filter(({ item }) => item.status === "AGREED_AD_REF").length,
  };
}

/** What is shown: a clause agreed (or ad ref) as a whole counts every paragraph so. */
export function shownProgress(marked: ClauseProgressCount, clause: ClauseStatus): ClauseProgressCount {
  const { paragraphs, agreed, adRef } = marked;
  if (clause === "AGREED") return { paragraphs, agreed: paragraphs, adRef: 0 };
  if (clause === "AGREED_AD_REF") return { paragraphs, agreed: paragraphs, adRef: paragraphs - agreed };
  return { paragraphs, agreed: agreed + adRef, adRef };
}

export async function storeProgress(db: Db, clauseId: string, marked: ClauseProgressCount): Promise<boolean> {
  const stored = await db.clauseProgress.findUnique({ where: { clauseId } });
  if (
    stored &&
    stored.paragraphs === marked.paragraphs &&
    stored.agreed === marked.agreed &&
    stored.adRef === marked.adRef
  )
    return false;
  await db.clauseProgress.upsert({ where: { clauseId }, create: { clauseId, ...marked }, update: marked });
  return true;
}

/** Counts from the stored text, for a clause that has none yet (made before counts were kept). */
async function countStored(clauseId: string): Promise<ClauseProgressCount> {
  const state = await loadClauseState(clauseId);
  const doc = new Y.Doc();
  try {
    if (state) Y.applyUpdate(doc, state);
    return markedProgress(readClause(doc));
  } catch (error) {
    if (isClauseUnreadable(error)) return { paragraphs: 0, agreed: 0, adRef: 0 };
    throw error;
  } finally {
    doc.destroy();
  }
}

/** The marked counts of these clauses, by id. */
export async function loadMarkedProgress(clauseIds: readonly string[]): Promise<Map<string, ClauseProgressCount>> {
  const rows = await prisma.clauseProgress.findMany({ where: { clauseId: { in: [...clauseIds] } } });
  const counts = new Map<string, ClauseProgressCount>(
    rows.map((row) => [row.clauseId, { paragraphs: row.paragraphs, agreed: row.agreed, adRef: row.adRef }]),
  );
  for (const clauseId of clauseIds) {
    if (counts.has(clauseId)) continue;
    const marked = await countStored(clauseId);
    await storeProgress(prisma, clauseId, marked);
    counts.set(clauseId, marked);
  }
  return counts;
}
