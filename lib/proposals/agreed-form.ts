// The agreed form of a run of blocks: what they would read if every proposal were rejected —
// words, formatting and structure (paragraphs, numbered sub-paragraphs, line breaks). Someone
// who may only suggest must leave it exactly as it was.
//
// It mirrors what rejecting does to the text (lib/editor/suggestions/decide-in-fragment.ts):
// proposed words go, words proposed for deletion stay, a proposed paragraph break (the same
// proposed insertion on both sides of the boundary) is joined again, a wholly proposed
// paragraph goes, and containers left empty (a list item) go with it. Empty top-level
// paragraphs are not part of it (see below).
import type { Node } from "@tiptap/pm/model";
import { isSuggestionMarkName } from "@/lib/editor/suggestions/proposal-author";

const ANCHOR = /\u200B/g;

type Token =
  | { kind: "open" | "close"; label: string; textblock: boolean }
  | { kind: "text"; formatting: string; text: string }
  | { kind: "inline"; label: string };

/** Where a paragraph begins and ends in the token list, and which proposal its edges belong to. */
type Textblock = { open: number; close: number; first: string | null; last: string | null; wholly: boolean };

function label(node: Node): string {
  return `${node.type.name}${JSON.stringify(node.attrs)}`;
}

function insertionId(node: Node): string | null {
  const mark = node.marks.find((m) => m.type.name === "insertion");
  return mark ? `insertion:${String(mark.attrs.id)}` : null;
}

function formatting(node: Node): string {
  return node.marks
    .filter((mark) => !isSuggestionMarkName(mark.type.name))
    .map((mark) => `${mark.type.name}${JSON.stringify(mark.attrs)}`)
    .sort()
    .join(",");
}

function tokenize(blocks: readonly Node[]): { tokens: Token[]; textblocks: Textblock[] } {
  const tokens: Token[] = [];
  const textblocks: Textblock[] = [];
  const visit = (node: Node) => {
    tokens.push({ kind: "open", label: label(node), textblock: node.isTextblock });
    if (node.isTextblock) {
      const open = tokens.length - 1;
      const edges: (string | null)[] = [];
      let wholly = node.childCount > 0;
      node.forEach((child) => {
        const id = child.isText ? insertionId(child) : null;
        edges.push(id);
        if (id === null) wholly = false;
        if (!child.isText) tokens.push({ kind: "inline", label: label(child) });
        else if (id === null) {
          const text = (child.text ?? "").replace(ANCHOR, "");
          if (text) tokens.push({ kind: "text", formatting: formatting(child), text });
        }
      });
      tokens.push({ kind: "close", label: label(node), textblock: true });
      textblocks.push({ open, close: tokens.length - 1, first: edges[0] ?? null, last: edges.at(-1) ?? null, wholly });
      return;
    }
    node.forEach(visit);
    tokens.push({ kind: "close", label: label(node), textblock: false });
  };
  blocks.forEach(visit);
  return { tokens, textblocks };
}

/**
 * A comparable string: equal for two runs of blocks exactly when their agreed forms are equal.
 * `atTop`: the blocks are the clause's top-level blocks (not the items inside a list).
 */
export function agreedForm(blocks: readonly Node[], { atTop = true }: { atTop?: boolean } = {}): string {
  const { tokens, textblocks } = tokenize(blocks);
  const gone = new Array<boolean>(tokens.length).fill(false);
  // Paragraphs joined by proposed breaks (the same proposed insertion on both sides of each
  // boundary) form one paragraph when rejected; made wholly of proposed words, they go entirely.
  for (let first = 0; first < textblocks.length; ) {
    let last = first;
    while (
      last + 1 < textblocks.length &&
      textblocks[last].last !== null &&
      textblocks[last].last === textblocks[last + 1].first
    )
      last++;
    const chain = textblocks.slice(first, last + 1);
    if (chain.every((block) => block.wholly)) {
      for (let t = chain[0].open; t <= chain[chain.length - 1].close; t++) gone[t] = true;
    } else {
      for (let i = 0; i + 1 < chain.length; i++)
        for (let t = chain[i].close; t <= chain[i + 1].open; t++) gone[t] = true;
    }
    first = last + 1;
  }
  let kept = tokens.filter((_, t) => !gone[t]);
  // Containers left empty go too (a list item whose only paragraph went), and so do empty
  // top-level paragraphs: they hold no words, and the editor writes one of its own when a person
  // empties a clause that had none.
  for (let changed = true; changed; ) {
    changed = false;
    const next: Token[] = [];
    let depth = 0;
    for (const token of kept) {
      const previous = next.at(-1);
      const closesEmpty = token.kind === "close" && previous?.kind === "open";
      if (closesEmpty && (!token.textblock || (atTop && depth === 1))) {
        next.pop();
        depth--;
        changed = true;
        continue;
      }
      if (token.kind === "open") depth++;
      if (token.kind === "close") depth--;
      next.push(token);
    }
    kept = next;
  }
  // The same words may be cut into text nodes differently (around a proposal): join them.
  const out: string[] = [];
  let run: { formatting: string; text: string } | null = null;
  const flush = () => {
    if (run) out.push(`"${JSON.stringify(run.text)}|${run.formatting}"`);
    run = null;
  };
  for (const token of kept) {
    if (token.kind === "text") {
      if (run && run.formatting === token.formatting) run.text += token.text;
      else {
        flush();
        run = { formatting: token.formatting, text: token.text };
      }
      continue;
    }
    flush();
    out.push(
      token.kind === "open" ? `<${token.label}>` : token.kind === "close" ? `</${token.label}>` : `<${token.label}/>`,
    );
  }
  flush();
  return out.join("");
}
