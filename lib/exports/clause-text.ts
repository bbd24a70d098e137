// A clause's text as plain text for the export: paragraphs separated by a blank line, numbered
// paragraphs as "1.", lettered sub-paragraphs as "(a)", indented under their paragraph.
import type { Node } from "@tiptap/pm/model";

const ANCHOR = /\u200B/g;
const INDENT = "    ";

function roman(n: number): string {
  const numerals: [number, string][] = [
    [1000, "m"],
    [900, "cm"],
    [500, "d"],
    [400, "cd"],
    [100, "c"],
    [90, "xc"],
    [50, "l"],
    [40, "xl"],
    [10, "x"],
    [9, "ix"],
    [5, "v"],
    [4, "iv"],
    [1, "i"],
  ];
  let rest = n;
  let out = "";
  for (const [value, numeral] of numerals) {
    while (rest >= value) {
      out += numeral;
      rest -= value;
    }
  }
  return out;
}

function letters(n: number): string {
  let rest = n;
  let out = "";
  while (rest > 0) {
    out = String.fromCharCode(97 + ((rest - 1) % 26)) + out;
    rest = Math.floor((rest - 1) / 26);
  }
  return out;
}

/** The marker of the n-th item (1-based) of an ordered list of the given type. */
export function listMarker(type: string | null, n: number): string {
  switch (type) {
    case "a":
      return `(${letters(n)})`;
    case "A":
      return `(${letters(n).toUpperCase()})`;
    case "i":
      return `(${roman(n)})`;
    case "I":
      return `(${roman(n).toUpperCase()})`;
    default:
      return `${n}.`;
  }
}

function paragraphText(block: Node): string {
  let text = "";
  block.forEach((child) => {
    if (child.isText) text += (child.text ?? "").replace(ANCHOR, "");
    else if (child.type.name === "hardBreak") text += "\n";
  });
  return text;
}

/** Paragraphs of a block, each already indented; a list item's first line carries its marker. */
function blockParagraphs(node: Node, indent: string): string[] {
  if (node.type.name === "paragraph") {
    const text = paragraphText(node);
    return [
      text
        .split("\n")
        .map((line) => indent + line)
        .join("\n"),
    ];
  }
  if (node.type.name === "orderedList" || node.type.name === "bulletList") {
    const ordered = node.type.name === "orderedList";
    const start = Number.isInteger(Number(node.attrs.start)) ? Number(node.attrs.start) : 1;
    const type = typeof node.attrs.type === "string" ? node.attrs.type : null;
    const out: string[] = [];
    node.forEach((item, _offset, index) => {
      const marker = ordered ? listMarker(type, start + index) : "•";
      const inner = blockParagraphs(item, indent + INDENT);
      if (inner.length === 0) inner.push(indent + INDENT);
      // The marker takes the place of the first line's indentation, as a typed list would.
      const first = inner[0].slice(indent.length);
      inner[0] = `${indent}${`${marker} `.padEnd(INDENT.length)}${first.slice(INDENT.length)}`;
      out.push(...inner);
    });
    return out;
  }
  const out: string[] = [];
  node.forEach((child) => {
    out.push(...blockParagraphs(child, indent));
  });
  return out;
}

/** The clause's text as plain text (read it from the clean variant: proposals are not shown). */
export function clauseText(doc: Node): string {
  return blockParagraphs(doc, "").join("\n\n");
}
