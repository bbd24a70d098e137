// A clause's text as HTML for the printable export: paragraphs, numbered and lettered lists,
// bold, italic, underline, line breaks. Proposals (only present in the "proposals" variant)
// print like Word's tracked changes: insertions underlined, deletions struck through, in the
// delegation's colour, each followed by the delegation's code. Every piece of text is escaped.

import { type AlternativeWordings, alternativeEdges, alternativeText } from "@/lib/alternatives/alternative-edges";
import { type BracketEdge, bracketEdges } from "@/lib/brackets/bracket-edges";
import type {
  Block,
  BracketOnWords,
  ClauseModel,
  Inline,
  ListItem,
  Paragraph,
  ProposalMark,
} from "@/lib/clause-model/clause-model";
import { withoutAnchors } from "@/lib/clause-model/zero-width-anchor";
import type { ProposalAuthor } from "@/lib/editor/suggestions/proposal-author";
import { exportTag } from "@/lib/paragraph-status/numbered-paragraphs";
import { escapeHtml } from "./escape-html";

const FORMATTING: Record<string, string> = { bold: "strong", italic: "em", underline: "u" };
const NUMBERING: Record<string, string> = { a: "lower-alpha", A: "upper-alpha", i: "lower-roman", I: "upper-roman" };
const COLOUR = /^#[0-9a-f]{6}$/i;

/** The delegations whose proposals a clause shows, by code, for the export's legend. */
export type Delegations = Map<string, ProposalAuthor>;

function inlineHtml(inline: Inline): string {
  if (inline.type === "hardBreak") return "<br>";
  let html = escapeHtml(withoutAnchors(inline.text));
  for (const mark of inline.formatting) html = `<${FORMATTING[mark]}>${html}</${FORMATTING[mark]}>`;
  return html;
}

function trackedChange(proposal: ProposalMark, inner: string, delegations: Delegations): string {
  const tag = proposal.kind === "insertion" ? "ins" : "del";
  const author = proposal.author;
  if (author) delegations.set(author.organizationCode, author);
  const who = author ? `${author.organizationName} (${author.authorName})` : "an unknown delegation";
  const when = proposal.at ? `, ${proposal.at.slice(0, 10)}` : "";
  const title = `${proposal.kind === "insertion" ? "Proposed insertion" : "Proposed deletion"} by ${who}${when}`;
  const colour = author && COLOUR.test(author.colour) ? ` style="--delegation: ${author.colour}"` : "";
  // A proposal of a paragraph break alone has no words to show: print a pilcrow for it.
  const words = inner === "" ? "¶" : inner;
  const code = escapeHtml(author?.organizationCode ?? "?");
  return `<${tag} class="proposal" title="${escapeHtml(title)}"${colour}>${words}</${tag}><sup class="by">${code}</sup>`;
}

const closing = (bracket: BracketOnWords) =>
  `<span class="bracket">]</span><sup class="by">${escapeHtml(bracket.organizationCode)}</sup>`;
const opening = '<span class="bracket">[</span>';

function edgeHtml(edge: BracketEdge): string {
  return edge.close.map(closing).join("") + edge.open.map(() => opening).join("");
}

/**
 * The inline content of a paragraph; consecutive pieces of one proposal print as one change.
 * Square brackets print as `[ … ]` followed by the code of the delegation that bracketed them.
 */
/** `[Alt 1: words] [Alt 2: …]`, as negotiators write a set of alternatives (alternative-edges.ts). */
function alternativesHtml(paragraph: Paragraph, wordings: AlternativeWordings): { before: string; after: string }[] {
  return alternativeEdges(paragraph.inlines, wordings).map((edge) => {
    const { before, after } = alternativeText(edge);
    return {
      before: before ? `<span class="alternatives">${escapeHtml(before)}</span>` : "",
      after: after ? `<span class="alternatives">${escapeHtml(after)}</span>` : "",
    };
  });
}

function paragraphContent(paragraph: Paragraph, delegations: Delegations, wordings: AlternativeWordings): string {
  const { edges, end } = bracketEdges(paragraph.inlines);
  const alternatives = alternativesHtml(paragraph, wordings);
  let html = "";
  let open: { proposal: ProposalMark; inner: string } | null = null;
  const close = () => {
    if (open) html += trackedChange(open.proposal, open.inner, delegations);
    open = null;
  };
  paragraph.inlines.forEach((inline, i) => {
    const proposal = inline.type === "text" ? inline.proposal : null;
    const edge = edgeHtml(edges[i]) + alternatives[i].before;
    const words = inlineHtml(inline) + alternatives[i].after;
    if (open && (!proposal || proposal.id !== open.proposal.id || proposal.kind !== open.proposal.kind)) close();
    if (!proposal) html += edge + words;
    else if (open) open.inner += edge + words;
    else {
      html += edge;
      open = { proposal, inner: words };
    }
  });
  close();
  return html + end.map(closing).join("");
}

function blockHtml(node: Block | ListItem, delegations: Delegations, wordings: AlternativeWordings): string {
  const inner = (nodes: readonly (Block | ListItem)[]) =>
    nodes.map((child) => blockHtml(child, delegations, wordings)).join("");
  switch (node.type) {
    case "paragraph":
      return `<p>${paragraphContent(node, delegations, wordings)}</p>`;
    case "orderedList": {
      const from = node.start;
      const type = node.numbering ?? "";
      const startAttr = from !== 1 ? ` start="${from}"` : "";
      const typeAttr = type ? ` type="${type}"` : "";
      // Lettered and roman lists print "(a)" from a CSS counter, which `start` does not move.
      const numbering = NUMBERING[type];
      const styled = numbering
        ? ` data-numbering="${numbering}"${from !== 1 ? ` style="counter-reset: item ${from - 1}"` : ""}`
        : "";
      return `<ol${startAttr}${typeAttr}${styled}>${inner(node.items)}</ol>`;
    }
    case "bulletList":
      return `<ul>${inner(node.items)}</ul>`;
    case "listItem": {
      // An agreed paragraph's tag follows its own words, before its sub-paragraphs.
      const tag = exportTag(node.status);
      const [first, ...rest] = node.blocks;
      if (!tag || first?.type !== "paragraph") return `<li>${inner(node.blocks)}</li>`;
      const own = `<p>${paragraphContent(first, delegations, wordings)} <span class="status-tag">${escapeHtml(tag)}</span></p>`;
      return `<li>${own}${inner(rest)}</li>`;
    }
  }
}

/** The clause's text as HTML; the delegations whose proposals it shows are added to `delegations`. */
export function clauseHtml(
  model: ClauseModel,
  delegations: Delegations = new Map(),
  wordings: AlternativeWordings = new Map(),
): string {
  return model.blocks.map((block) => blockHtml(block, delegations, wordings)).join("");
}
