// A clause's text as plain lines with its paragraph numbers ("1.", "(a)"), for search and
// export. Reads a ProseMirror node of the shared editor schema, however it was obtained.
import type { Node } from "@tiptap/pm/model";

export function clausePlainText(doc: Node): string {
  const lines: string[] = [];
  collect(doc, "", 0, lines);
  return lines.join("\n");
}

function collect(node: Node, label: string, depth: number, lines: string[]): void {
  if (node.type.name === "paragraph") {
    const text = node.textBetween(0, node.content.size, "\n", "\n");
    lines.push("  ".repeat(Math.max(depth - 1, 0)) + (label ? `${label} ${text}` : text));
    return;
  }
  const ordered = node.type.name === "orderedList";
  const bulleted = node.type.name === "bulletList";
  node.forEach((child, _offset, index) => {
    if (ordered || bulleted) {
      const itemLabel = ordered ? numberLabel(node.attrs.start + index, node.attrs.type) : "•";
      // Only an item's first paragraph carries its number.
      child.forEach((inner, _o, innerIndex) => {
        collect(inner, innerIndex === 0 ? itemLabel : "", depth + 1, lines);
      });
    } else {
      collect(child, "", depth, lines);
    }
  });
}

function numberLabel(n: number, type: string | null): string {
  if (type === "a" || type === "A") {
    const letter = String.fromCharCode(96 + ((n - 1) % 26) + 1);
    return `(${type === "A" ? letter.toUpperCase() : letter})`;
  }
  return `${n}.`;
}
