// The one typed reading of a clause's text (its Yjs XML fragment, see read-clause.ts): blocks,
// the runs of text inside paragraphs with their formatting, comment anchors and proposal marks.
// Everything else that needs the text — the agreed form, the proposals index, plain text,
// exports, comment anchors, what a decision will do — is derived from this model.
import type * as Y from "yjs";
import type { ProposalAuthor } from "@/lib/editor/suggestions/proposal-author";

/** Formatting marks of the schema, in the schema's order (the order exports nest them in). */
export const FORMATTING = ["bold", "italic", "underline"] as const;
export type Formatting = (typeof FORMATTING)[number];

/** Lettered and roman numbering of an ordered list ("1" or none: 1., 2., 3.). */
export const LIST_NUMBERING = ["1", "a", "A", "i", "I"] as const;
export type ListNumbering = (typeof LIST_NUMBERING)[number];

/** A proposal's mark on a run of text: words proposed for insertion or for deletion. */
export type ProposalMark = {
  kind: "insertion" | "deletion";
  id: string;
  author: ProposalAuthor | null;
  /** When it was made (ISO), as stamped on the mark. */
  at: string | null;
  /**
   * An insertion's words taken from the instrument's library of agreed language: the entry's id
   * (lib/agreed-language). The collaboration server refuses an id the library does not hold.
   */
  citation: string | null;
  /** Every attribute of the mark as stored, for telling two marks apart exactly. */
  attrs: string;
};

/** A square bracket on a run of text (lib/brackets): a delegation's reservation, not yet agreed. */
export type BracketOnWords = {
  id: string;
  organizationId: string;
  organizationCode: string;
  personId: string;
  personName: string;
  /** When it was placed (ISO), as the server stamped it. */
  at: string;
  note: string | null;
};

export type TextRun = {
  type: "text";
  text: string;
  formatting: readonly Formatting[];
  /** Comment threads anchored on these words, by thread id. */
  anchors: readonly string[];
  proposal: ProposalMark | null;
  /** Square brackets on these words, by id (several delegations may bracket the same words). */
  brackets: readonly BracketOnWords[];
  /** The set of alternatives these words stand in as Alt 1 (lib/alternatives), by set id. */
  alternatives?: string;
  /** Where the run sits in the live document (absent in a predicted model). */
  source?: { text: Y.XmlText; index: number };
};

export type HardBreak = { type: "hardBreak" };

export type Inline = TextRun | HardBreak;

export type Paragraph = { type: "paragraph"; inlines: readonly Inline[]; source?: Y.XmlElement };

/** Where a numbered paragraph stands, as the chair set it (lib/editor/paragraph-status.ts). */
export type ParagraphStatus = "OPEN" | "AGREED_AD_REF" | "AGREED";

/** A numbered paragraph or sub-paragraph: its own paragraph, then any sub-paragraphs (lists). */
export type ListItem = {
  type: "listItem";
  status: ParagraphStatus;
  blocks: readonly Block[];
  source?: Y.XmlElement;
};

export type OrderedList = {
  type: "orderedList";
  start: number;
  numbering: ListNumbering | null;
  items: readonly ListItem[];
  source?: Y.XmlElement;
};

export type BulletList = { type: "bulletList"; items: readonly ListItem[]; source?: Y.XmlElement };

export type List = OrderedList | BulletList;
export type Block = Paragraph | List;

/** Any element of the model that holds others or text. */
export type ClauseNode = Block | ListItem;

export type ClauseModel = { blocks: readonly Block[] };

/** The elements directly inside a node (a paragraph holds none). */
export function childrenOf(node: ClauseNode): readonly ClauseNode[] {
  if (node.type === "paragraph") return [];
  if (node.type === "listItem") return node.blocks;
  return node.items;
}

/** Every paragraph of the nodes, in reading order. */
export function* paragraphsOf(nodes: readonly ClauseNode[]): Generator<Paragraph> {
  for (const node of nodes) {
    if (node.type === "paragraph") yield node;
    else yield* paragraphsOf(childrenOf(node));
  }
}
