// A clause's text as HTML for the printable export: paragraphs, numbered and lettered lists,
// bold, italic, underline, line breaks. Proposals (only present in the "proposals" variant)
// print like Word's tracked changes: insertions underlined, deletions struck through, in the
// delegation's colour, each followed by the delegation's code. Every piece of text is escaped.
import type { Mark, Node } from "@tiptap/pm/model";
import { authorOfMark, type ProposalAuthor } from "@/lib/editor/suggestions/proposal-author";
import { escapeHtml } from "./escape-html";

/** Zero-width spaces the suggest transform uses to anchor proposals at paragraph edges. */
const ANCHOR = /\u200B/g;
const FORMATTING: Record<string, string> = { bold: "strong", italic: "em", underline: "u" };
const LIST_TYPES = /^[1aAiI]$/;
const NUMBERING: Record<string, string> = { a: "lower-alpha", A: "upper-alpha", i: "lower-roman", I: "upper-roman" };
const COLOUR = /^#[0-9a-f]{6}$/i;

/** The delegations whose proposals a clause shows, by code, for the export's legend. */
export type Delegations = Map<string, ProposalAuthor>;

type Proposal = { kind: "insertion" | "deletion"; id: string; author: ProposalAuthor | null; at: string | null };

function proposalOf(node: Node): Proposal | null {
  const mark = node.marks.find((m) => m.type.name === "insertion" || m.type.name === "deletion");
  if (!mark) return null;
  return {
    kind: mark.type.name as Proposal["kind"],
    id: String(mark.attrs.id),
    author: authorOfMark(mark.attrs),
    at: typeof mark.attrs.at === "string" ? mark.attrs.at : null,
  };
}

function formatted(text: string, marks: readonly Mark[]): string {
  let html = escapeHtml(text);
  for (const mark of marks) {
    const tag = FORMATTING[mark.type.name];
    if (tag) html = `<${tag}>${html}</${tag}>`;
  }
  return html;
}

function inlineHtml(node: Node): string {
  return node.isText
    ? formatted((node.text ?? "").replace(ANCHOR, ""), node.marks)
    : node.type.name === "hardBreak"
      ? "<br>"
      : "";
}

function trackedChange(proposal: Proposal, inner: string, delegations: Delegations): string {
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

/** The inline content of a paragraph; consecutive pieces of one proposal print as one change. */
function paragraphContent(block: Node, delegations: Delegations): string {
  let html = "";
  let open: { proposal: Proposal; inner: string } | null = null;
  const close = () => {
    if (open) html += trackedChange(open.proposal, open.inner, delegations);
    open = null;
  };
  block.forEach((child) => {
    const proposal = proposalOf(child);
    if (open && (!proposal || proposal.id !== open.proposal.id || proposal.kind !== open.proposal.kind)) close();
    if (!proposal) html += inlineHtml(child);
    else if (open) open.inner += inlineHtml(child);
    else open = { proposal, inner: inlineHtml(child) };
  });
  close();
  return html;
}

function blockHtml(node: Node, delegations: Delegations): string {
  const children = () => {
    let html = "";
    node.forEach((child) => {
      html += blockHtml(child, delegations);
    });
    return html;
  };
  switch (node.type.name) {
    case "paragraph":
      return `<p>${paragraphContent(node, delegations)}</p>`;
    case "orderedList": {
      const start = Number(node.attrs.start);
      const type = String(node.attrs.type ?? "");
      const from = Number.isInteger(start) ? start : 1;
      const startAttr = from !== 1 ? ` start="${from}"` : "";
      const typeAttr = LIST_TYPES.test(type) ? ` type="${type}"` : "";
      // Lettered and roman lists print "(a)" from a CSS counter, which `start` does not move.
      const numbering = NUMBERING[type];
      const styled = numbering
        ? ` data-numbering="${numbering}"${from !== 1 ? ` style="counter-reset: item ${from - 1}"` : ""}`
        : "";
      return `<ol${startAttr}${typeAttr}${styled}>${children()}</ol>`;
    }
    case "bulletList":
      return `<ul>${children()}</ul>`;
    case "listItem":
      return `<li>${children()}</li>`;
    default:
      return children();
  }
}

/** The clause's text as HTML; the delegations whose proposals it shows are added to `delegations`. */
export function clauseHtml(doc: Node, delegations: Delegations = new Map()): string {
  return blockHtml(doc, delegations);
}
