// A clause's text as plain text for the export: paragraphs separated by a blank line, numbered
// paragraphs as "1.", lettered sub-paragraphs as "(a)", indented under their paragraph; an agreed
// paragraph followed by its tag ("[agreed ad ref]").

import { type AlternativeWordings, alternativeEdges, alternativeText } from "@/lib/alternatives/alternative-edges";
import { bracketEdges } from "@/lib/brackets/bracket-edges";
import type { Block, ClauseModel, ListItem, Paragraph } from "@/lib/clause-model/clause-model";
import { withoutAnchors } from "@/lib/clause-model/zero-width-anchor";
import { exportTag } from "@/lib/paragraph-status/numbered-paragraphs";
import { letterNumeral, romanNumeral } from "@/lib/wording/numerals";

const INDENT = "    ";

/** The marker of the n-th item (1-based) of an ordered list of the given type. */
export function listMarker(type: string | null, n: number): string {
  switch (type) {
    case "a":
      return `(${letterNumeral(n)})`;
    case "A":
      return `(${letterNumeral(n).toUpperCase()})`;
    case "i":
      return `(${romanNumeral(n)})`;
    case "I":
      return `(${romanNumeral(n).toUpperCase()})`;
    default:
      return `${n}.`;
  }
}

function paragraphText(paragraph: Paragraph, wordings: AlternativeWordings): string {
  // Square brackets and alternatives print as negotiators type them (lib/brackets/bracket-edges.ts,
  // lib/alternatives/alternative-edges.ts).
  const { edges, end } = bracketEdges(paragraph.inlines);
  const alternatives = alternativeEdges(paragraph.inlines, wordings);
  const text = paragraph.inlines.map((inline, i) => {
    const edge = `${"]".repeat(edges[i].close.length)}${"[".repeat(edges[i].open.length)}`;
    const alt = alternativeText(alternatives[i]);
    return edge + alt.before + (inline.type === "text" ? withoutAnchors(inline.text) : "\n") + alt.after;
  });
  return text.join("") + "]".repeat(end.length);
}

function indented(text: string, indent: string): string {
  return text
    .split("\n")
    .map((line) => indent + line)
    .join("\n");
}

/** Paragraphs of a block, each already indented; a list item's first line carries its marker. */
function blockParagraphs(node: Block | ListItem, indent: string, wordings: AlternativeWordings): string[] {
  if (node.type === "paragraph") return [indented(paragraphText(node, wordings), indent)];
  if (node.type === "listItem") {
    const paragraphs = node.blocks.flatMap((block) => blockParagraphs(block, indent, wordings));
    // An agreed paragraph's tag follows its own words, before its sub-paragraphs.
    const tag = exportTag(node.status);
    if (tag && node.blocks[0]?.type === "paragraph" && paragraphs.length > 0) paragraphs[0] += ` ${tag}`;
    return paragraphs;
  }
  const out: string[] = [];
  node.items.forEach((item, index) => {
    const marker = node.type === "orderedList" ? listMarker(node.numbering, node.start + index) : "•";
    const inner = blockParagraphs(item, indent + INDENT, wordings);
    if (inner.length === 0) inner.push(indent + INDENT);
    // The marker takes the place of the first line's indentation, as a typed list would.
    const first = inner[0].slice(indent.length);
    inner[0] = `${indent}${`${marker} `.padEnd(INDENT.length)}${first.slice(INDENT.length)}`;
    out.push(...inner);
  });
  return out;
}

/** The clause's text as plain text (read it from the clean variant: proposals are not shown). */
export function clauseText(model: ClauseModel, wordings: AlternativeWordings = new Map()): string {
  return model.blocks.flatMap((block) => blockParagraphs(block, "", wordings)).join("\n\n");
}
