// The numbered paragraphs of a clause, as the clause model reads them: the items of its
// top-level numbered lists, numbered as the text shows them (the list's start, then on).
// Sub-paragraphs belong to their paragraph and share its status.
import type { Block, ClauseModel, ListItem, ParagraphStatus } from "@/lib/clause-model/clause-model";

export type NumberedParagraph = { number: number; item: ListItem };

export function numberedParagraphs(blocks: readonly Block[]): NumberedParagraph[] {
  const paragraphs: NumberedParagraph[] = [];
  for (const block of blocks) {
    if (block.type !== "orderedList") continue;
    for (const [index, item] of block.items.entries()) paragraphs.push({ number: block.start + index, item });
  }
  return paragraphs;
}

const RANK: Record<ParagraphStatus, number> = { OPEN: 0, AGREED_AD_REF: 1, AGREED: 2 };

/** A paragraph stands at least where its clause as a whole stands. */
export function effectiveStatus(paragraph: ParagraphStatus, clause: ParagraphStatus): ParagraphStatus {
  return RANK[clause] > RANK[paragraph] ? clause : paragraph;
}

/** How far a clause is agreed: what the clause list and header count. */
export type ClauseProgressCount = { paragraphs: number; agreed: number; adRef: number };

export const NO_PARAGRAPHS: ClauseProgressCount = { paragraphs: 0, agreed: 0, adRef: 0 };

export function progressOf(model: ClauseModel, clauseStatus: ParagraphStatus): ClauseProgressCount {
  let agreed = 0;
  let adRef = 0;
  const paragraphs = numberedParagraphs(model.blocks);
  for (const { item } of paragraphs) {
    const status = effectiveStatus(item.status, clauseStatus);
    if (status !== "OPEN") agreed++;
    if (status === "AGREED_AD_REF") adRef++;
  }
  return { paragraphs: paragraphs.length, agreed, adRef };
}

/** "agreed", "agreed ad ref" — the tag the text and exports show; null while open. */
export function statusTag(status: ParagraphStatus): string | null {
  if (status === "AGREED") return "agreed";
  if (status === "AGREED_AD_REF") return "agreed ad ref";
  return null;
}

/** The tag exports print after an agreed paragraph's words, as negotiators write it. */
export function exportTag(status: ParagraphStatus): string {
  const tag = statusTag(status);
  return tag ? `[${tag}]` : "";
}
