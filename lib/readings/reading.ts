// What a version holds besides its Yjs state, derived through the clause model when it is made:
// the agreed text paragraph by paragraph (every open proposal left out, as the chair's "reject
// all" would leave it), with each numbered paragraph's number, the open proposals, and the
// square-bracketed passages not yet agreed. Compare and the history read this, never Yjs.
import * as Y from "yjs";
import { type BracketInClause, bracketsInClause } from "@/lib/brackets/brackets-in-clause";
import type { Block, ClauseModel, ListItem, Paragraph } from "@/lib/clause-model/clause-model";
import { predictDecision } from "@/lib/clause-model/predict-decision";
import { proposalsInClause } from "@/lib/clause-model/proposals-in-clause";
import { readClause } from "@/lib/clause-model/read-clause";
import { withoutAnchors } from "@/lib/clause-model/zero-width-anchor";
import { listMarker } from "@/lib/exports/clause-text";

/** One paragraph of the agreed text: its number as printed ("1.", "(a)", "•" or none) and words. */
export type ReadingParagraph = { label: string; depth: number; text: string };

/** An open proposal as it stood: its words, its delegation, and the positions taken on it. */
export type OpenProposalThen = {
  id: string;
  kind: "INSERTION" | "DELETION" | "REPLACEMENT";
  insertedText: string;
  deletedText: string;
  contextBefore: string;
  contextAfter: string;
  delegation: { id: string; code: string; name: string } | null;
  positions: { delegation: string; stance: string }[];
};

export type Reading = {
  paragraphs: ReadingParagraph[];
  openProposals: OpenProposalThen[];
  brackets: string[];
};

function paragraphText(paragraph: Paragraph): string {
  return paragraph.inlines.map((inline) => (inline.type === "text" ? withoutAnchors(inline.text) : "\n")).join("");
}

function paragraphsOfBlock(node: Block | ListItem, depth: number, label: string, out: ReadingParagraph[]): void {
  if (node.type === "paragraph") {
    out.push({ label, depth, text: paragraphText(node) });
    return;
  }
  if (node.type === "listItem") {
    // The item's number goes on its first paragraph; the rest of the item follows unnumbered.
    node.blocks.forEach((block, index) => {
      paragraphsOfBlock(block, depth, index === 0 ? label : "", out);
    });
    return;
  }
  node.items.forEach((item, index) => {
    const marker = node.type === "orderedList" ? listMarker(node.numbering, node.start + index) : "•";
    paragraphsOfBlock(item, depth + 1, marker, out);
  });
}

/** The agreed text's paragraphs, with their numbering, read from a model. */
export function agreedParagraphs(model: ClauseModel): ReadingParagraph[] {
  const agreed = predictDecision(model, "all", "REJECTED");
  const out: ReadingParagraph[] = [];
  for (const block of agreed.blocks) paragraphsOfBlock(block, 0, "", out);
  // An empty last paragraph is the editor's own, not the text's.
  while (out.length > 0 && out[out.length - 1].text === "" && out[out.length - 1].label === "") out.pop();
  return out;
}

/**
 * Every passage of the agreed text in square brackets (lib/brackets: bracket marks, never typed
 * characters), as negotiators cite it: "[words] CODE", CODE being the delegation that bracketed it.
 */
export function bracketedPassages(model: ClauseModel): string[] {
  return agreedBrackets(model).map((bracket) => `[${bracket.words}] ${bracket.organizationCode}`);
}

/** The brackets on the agreed text, each with who placed it, when and why. */
export function agreedBrackets(model: ClauseModel): BracketInClause[] {
  return bracketsInClause(predictDecision(model, "all", "REJECTED").blocks);
}

/** The same, read from a stored state. Throws ClauseUnreadable if the state is not a clause. */
export function bracketsOfState(state: Uint8Array | null): BracketInClause[] {
  const doc = new Y.Doc();
  try {
    if (state) Y.applyUpdate(doc, state);
    return agreedBrackets(readClause(doc));
  } finally {
    doc.destroy();
  }
}

/** The reading of a stored state (positions are the caller's to add). Throws ClauseUnreadable if the state is not a clause. */
export function readingOfState(state: Uint8Array | null): Reading {
  const doc = new Y.Doc();
  try {
    if (state) Y.applyUpdate(doc, state);
    const model = readClause(doc);
    const paragraphs = agreedParagraphs(model);
    const openProposals = proposalsInClause(model).map((proposal) => ({
      id: proposal.id,
      kind: proposal.kind,
      insertedText: proposal.insertedText,
      deletedText: proposal.deletedText,
      contextBefore: proposal.contextBefore,
      contextAfter: proposal.contextAfter,
      delegation: proposal.author
        ? {
            id: proposal.author.organizationId,
            code: proposal.author.organizationCode,
            name: proposal.author.organizationName,
          }
        : null,
      positions: [],
    }));
    return { paragraphs, openProposals, brackets: bracketedPassages(model) };
  } finally {
    doc.destroy();
  }
}
