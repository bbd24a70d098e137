// The fuzz test's own reading of a clause's agreed text, written apart from the product's code
// on purpose: it walks the Yjs XML directly and says what the text would read if every proposal
// were rejected — agreed words with their formatting, paragraph by paragraph, and where each
// paragraph sits. If the server let anyone but the chair change that, this string changes.
import * as Y from "yjs";

const PROPOSAL_KEYS = new Set(["insertion", "deletion", "modification"]);
const ANCHOR = /\u200B/g;

type Op = { insert: unknown; attributes?: Record<string, unknown> };
type Block = {
  path: string;
  runs: { text: string; format: string }[];
  first: string | null;
  last: string | null;
  wholly: boolean;
};

function insertionId(attributes: Record<string, unknown> | undefined): string | null {
  const mark = attributes?.insertion as { id?: unknown } | undefined;
  return mark && mark.id != null ? String(mark.id) : null;
}

function formatOf(attributes: Record<string, unknown> | undefined): string {
  return Object.keys(attributes ?? {})
    .filter((key) => !PROPOSAL_KEYS.has(key) && !key.startsWith("commentAnchor"))
    .sort()
    .map((key) => `${key}=${JSON.stringify((attributes as Record<string, unknown>)[key])}`)
    .join(",");
}

function blocksOf(parent: Y.XmlFragment | Y.XmlElement, path: string, out: Block[]): void {
  for (const child of parent.toArray()) {
    if (child instanceof Y.XmlElement) {
      const here = `${path}>${child.nodeName}${JSON.stringify(child.getAttributes())}`;
      const texts = child.toArray().filter((c): c is Y.XmlText => c instanceof Y.XmlText);
      if (texts.length === 0) {
        blocksOf(child, here, out);
        continue;
      }
      const ops = texts.flatMap((text) => text.toDelta() as Op[]);
      const block: Block = { path: here, runs: [], first: null, last: null, wholly: ops.length > 0 };
      ops.forEach((op, i) => {
        const id = insertionId(op.attributes);
        if (i === 0) block.first = id;
        if (i === ops.length - 1) block.last = id;
        if (id !== null) return;
        block.wholly = false;
        const text =
          typeof op.insert === "string" ? op.insert.replace(ANCHOR, "") : `<embed ${JSON.stringify(op.insert)}>`;
        if (text) block.runs.push({ text, format: formatOf(op.attributes) });
      });
      out.push(block);
    } else {
      out.push({
        path: `${path}>#text`,
        runs: [{ text: String(child.toString()), format: "" }],
        first: null,
        last: null,
        wholly: false,
      });
    }
  }
}

/** A string equal for two documents exactly when their agreed text and its place are equal. */
export function agreedOracle(doc: Y.Doc): string {
  const blocks: Block[] = [];
  blocksOf(doc.getXmlFragment("default"), "", blocks);
  const out: string[] = [];
  for (let i = 0; i < blocks.length; ) {
    // A proposed paragraph break: the same proposed insertion on both sides of a boundary.
    let j = i;
    while (j + 1 < blocks.length && blocks[j].last !== null && blocks[j].last === blocks[j + 1].first) j++;
    const chain = blocks.slice(i, j + 1);
    i = j + 1;
    if (chain.every((block) => block.wholly)) continue;
    const runs = chain.flatMap((block) => block.runs);
    if (runs.length === 0) continue; // an empty paragraph holds no agreed words
    const merged: { text: string; format: string }[] = [];
    for (const run of runs) {
      const last = merged.at(-1);
      if (last && last.format === run.format) last.text += run.text;
      else merged.push({ ...run });
    }
    out.push(`${chain[0].path}:${JSON.stringify(merged)}`);
  }
  return out.join("\n");
}
