// The demo's paragraph statuses: some numbered paragraphs of open articles are agreed or agreed
// ad referendum, as in a negotiation well under way (articles agreed as a whole carry their
// status on the clause itself). Set by paragraph number once the clauses exist, through the same
// attribute the chair's command writes (lib/paragraph-status), and counted for the clause list.
import * as Y from "yjs";
import { readClause } from "../clause-model/read-clause";
import type { Prisma } from "../db/generated/client";
import { PARAGRAPH_STATUS_ATTRIBUTE, type StoredParagraphStatus } from "../editor/paragraph-status";
import { markedProgress } from "../paragraph-status/clause-progress";
import { numberedParagraphs } from "../paragraph-status/numbered-paragraphs";

/** Article number → paragraph number → status. */
export const DEMO_PARAGRAPH_STATUSES: Record<string, Record<number, StoredParagraphStatus>> = {
  "14": { 4: "AGREED_AD_REF" },
  "33": { 4: "AGREED_AD_REF", 5: "AGREED" },
};

export async function seedParagraphStatuses(tx: Prisma.TransactionClient, instrumentId: string): Promise<void> {
  const clauses = await tx.clause.findMany({
    where: { instrumentId },
    select: { id: true, number: true, document: { select: { snapshot: true } } },
  });
  for (const clause of clauses) {
    const doc = new Y.Doc();
    try {
      if (clause.document) Y.applyUpdate(doc, clause.document.snapshot);
      const statuses = DEMO_PARAGRAPH_STATUSES[clause.number] ?? {};
      const paragraphs = numberedParagraphs(readClause(doc).blocks);
      for (const [number, status] of Object.entries(statuses)) {
        const found = paragraphs.find((p) => p.number === Number(number));
        if (!found?.item.source) throw new Error(`Demo data: article ${clause.number} has no paragraph ${number}`);
        found.item.source.setAttribute(PARAGRAPH_STATUS_ATTRIBUTE, status);
      }
      if (Object.keys(statuses).length > 0)
        await tx.clauseDocument.update({
          where: { clauseId: clause.id },
          data: { snapshot: Buffer.from(Y.encodeStateAsUpdate(doc)) },
        });
      await tx.clauseProgress.create({ data: { clauseId: clause.id, ...markedProgress(readClause(doc)) } });
    } finally {
      doc.destroy();
    }
  }
}
