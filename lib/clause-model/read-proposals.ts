// The proposals in a clause, read from the model: one entry per proposal id, with what it
// would insert and delete, who made it, the agreed words around it and where it starts.
// No fingerprint here (that needs node:crypto, see proposals-in-clause.ts), so the browser reads
// the very same list from its own copy of the clause (the proposals beside the text).
// Linear in the clause: each paragraph's agreed text is built once and the context of every
// proposal is a slice of it.
import type { ProposalAuthor } from "@/lib/editor/suggestions/proposal-author";
import type { ClauseModel, ClauseNode, Paragraph } from "./clause-model";
import { withoutAnchors } from "./zero-width-anchor";

export type ProposalKind = "INSERTION" | "DELETION" | "REPLACEMENT";

export type ProposalWords = {
  id: string;
  kind: ProposalKind;
  insertedText: string;
  deletedText: string;
  author: ProposalAuthor | null;
  /** When it was made (ISO), as stamped on its first mark. */
  at: string | null;
  /** The agreed-language entry its inserted words were taken from, as its insertion marks say. */
  citationId: string | null;
  /** Document position of its first character (for jumping to it). */
  from: number;
  /** Agreed words just before and after it in its paragraph. */
  contextBefore: string;
  contextAfter: string;
};

const CONTEXT_CHARS = 60;

function readParagraph(paragraph: Paragraph, start: number, byId: Map<string, ProposalWords>): void {
  // The paragraph's agreed text (words outside insertions) and where each run begins in it.
  const runs = paragraph.inlines;
  const offsets: number[] = [];
  let agreed = "";
  for (const inline of runs) {
    offsets.push(agreed.length);
    if (inline.type === "text" && inline.proposal?.kind !== "insertion") agreed += withoutAnchors(inline.text);
  }
  let pos = start;
  runs.forEach((inline, index) => {
    const at = pos;
    pos += inline.type === "text" ? inline.text.length : 1;
    if (inline.type !== "text" || !inline.proposal) return;
    const mark = inline.proposal;
    let proposal = byId.get(mark.id);
    if (!proposal) {
      proposal = {
        id: mark.id,
        kind: "INSERTION",
        insertedText: "",
        deletedText: "",
        author: mark.author,
        at: mark.at,
        citationId: null,
        from: at,
        contextBefore: agreed.slice(Math.max(0, offsets[index] - CONTEXT_CHARS), offsets[index]),
        contextAfter: "",
      };
      byId.set(mark.id, proposal);
    }
    const text = withoutAnchors(inline.text);
    if (mark.kind === "insertion") {
      proposal.insertedText += text;
      proposal.citationId ??= mark.citation;
    } else proposal.deletedText += text;
    // What follows its last piece in the paragraph (runs of its own come before that piece).
    const after = mark.kind === "insertion" ? offsets[index] : offsets[index] + text.length;
    proposal.contextAfter = agreed.slice(after, after + CONTEXT_CHARS);
  });
}

function visit(nodes: readonly ClauseNode[], start: number, byId: Map<string, ProposalWords>): number {
  let pos = start;
  for (const node of nodes) {
    if (node.type === "paragraph") {
      readParagraph(node, pos + 1, byId);
      pos += 2 + node.inlines.reduce((size, inline) => size + (inline.type === "text" ? inline.text.length : 1), 0);
    } else {
      pos = visit(node.type === "listItem" ? node.blocks : node.items, pos + 1, byId) + 1;
    }
  }
  return pos;
}

export function readProposals(model: ClauseModel): ProposalWords[] {
  const byId = new Map<string, ProposalWords>();
  visit(model.blocks, 0, byId);
  for (const proposal of byId.values()) {
    if (proposal.insertedText && proposal.deletedText) proposal.kind = "REPLACEMENT";
    else if (proposal.deletedText) proposal.kind = "DELETION";
    else proposal.kind = "INSERTION";
  }
  return [...byId.values()];
}
