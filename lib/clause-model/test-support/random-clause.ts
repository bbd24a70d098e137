// Random clauses for property tests, written straight into Yjs as the editor stores them:
// paragraphs and numbered lists (with sub-paragraphs), agreed words with formatting and comment
// anchors, line breaks, and proposals of every kind — insertions, deletions, replacements,
// proposed paragraph breaks and list items, wholly proposed paragraphs, zero-width anchors,
// adjacent and interleaved proposals of several delegations. Seeded: a failure can be replayed.
import * as Y from "yjs";
import { CLAUSE_FRAGMENT } from "@/lib/editor/extensions";
import type { ProposalAuthor } from "@/lib/editor/suggestions/proposal-author";

/** mulberry32: a small seeded generator, good enough to pick test cases. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const AUTHORS: ProposalAuthor[] = ["AUS", "CAN", "FRA"].map((code, i) => ({
  authorId: `0000000${i}-0000-4000-8000-000000000000`,
  authorName: `Delegate ${code}`,
  organizationId: `0000000${i}-1111-4000-8000-000000000000`,
  organizationCode: code,
  organizationName: code,
  colour: "#123456",
}));

const WORDS = ["shall", "States", "criminalize", "material", "child", "offences", "due process", "any", "\u200B"];

type Mark = { kind: "insertion" | "deletion"; id: string } | null;
type Piece = { text: string; mark: Mark; attributes: Record<string, unknown> };

/** A clause element to write: built first, then written into an integrated Yjs type. */
export type Shape =
  | { element: string; attributes?: Record<string, unknown>; children: Shape[] }
  | { text: { text: string; attributes: Record<string, unknown> }[] };

/** Writes shapes at the end of `parent`, which must already be in a document. */
export function writeShapes(parent: Y.XmlFragment | Y.XmlElement, shapes: Shape[]): void {
  for (const shape of shapes) {
    if ("text" in shape) {
      const text = new Y.XmlText();
      parent.push([text]);
      let at = 0;
      for (const piece of shape.text) {
        text.insert(at, piece.text, piece.attributes);
        at += piece.text.length;
      }
      continue;
    }
    const element = new Y.XmlElement(shape.element);
    parent.push([element]);
    for (const [key, value] of Object.entries(shape.attributes ?? {})) element.setAttribute(key, value as string);
    writeShapes(element, shape.children);
  }
}

export class RandomClause {
  readonly ids: string[];
  private readonly author = new Map<string, ProposalAuthor>();
  constructor(readonly random: () => number) {
    this.ids = Array.from({ length: 2 + Math.floor(random() * 6) }, (_, i) => `proposal-${i}`);
    for (const id of this.ids) this.author.set(id, this.pick(AUTHORS));
  }

  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.random() * list.length)];
  }

  chance(p: number): boolean {
    return this.random() < p;
  }

  private attrs(mark: Mark): Record<string, unknown> {
    const attributes: Record<string, unknown> = {};
    if (mark) attributes[mark.kind] = { id: mark.id, ...this.author.get(mark.id), at: "2026-12-01T10:00:00.000Z" };
    if (this.chance(0.2)) attributes.bold = {};
    if (this.chance(0.1)) attributes.italic = {};
    if (this.chance(0.1))
      attributes[`commentAnchor--${this.pick(["h1", "h2"])}`] = { threadId: this.pick(["t1", "t2"]) };
    return attributes;
  }

  randomMark(): Mark {
    if (this.chance(0.4)) return null;
    return { kind: this.chance(0.55) ? "insertion" : "deletion", id: this.pick(this.ids) };
  }

  pieces(edges: { first?: Mark; last?: Mark } = {}): Piece[] {
    const count = Math.floor(this.random() * 4);
    const pieces: Piece[] = [];
    const wholly = this.chance(0.15) ? this.randomMark() : undefined;
    for (let i = 0; i < count; i++) {
      const mark = wholly !== undefined ? wholly : this.randomMark();
      const text = `${this.pick(WORDS)}${this.chance(0.5) ? " " : ""}`;
      pieces.push({ text, mark, attributes: this.attrs(mark) });
    }
    // A proposed paragraph break: the same proposal at the end of one paragraph and the start of the next.
    if (edges.first !== undefined)
      pieces.unshift({ text: this.pick(["\u200B", "new "]), mark: edges.first, attributes: this.attrs(edges.first) });
    if (edges.last !== undefined)
      pieces.push({ text: this.pick(["\u200B", " end"]), mark: edges.last, attributes: this.attrs(edges.last) });
    return pieces;
  }

  paragraph(edges: { first?: Mark; last?: Mark } = {}): Shape {
    const pieces = this.pieces(edges);
    const children: Shape[] = [];
    if (pieces.length === 0) return { element: "paragraph", children };
    const breakAt = this.chance(0.1) && pieces.length > 1 ? 1 + Math.floor(this.random() * (pieces.length - 1)) : -1;
    const parts = breakAt < 0 ? [pieces] : [pieces.slice(0, breakAt), pieces.slice(breakAt)];
    parts.forEach((part, i) => {
      if (i > 0) children.push({ element: "hardBreak", children: [] });
      children.push({ text: part });
    });
    return { element: "paragraph", children };
  }

  /** A run of sibling paragraphs, some joined by proposed breaks. */
  paragraphs(count: number): Shape[] {
    const out: Shape[] = [];
    let carry: Mark | undefined;
    for (let i = 0; i < count; i++) {
      const breakHere = i + 1 < count && this.chance(0.3);
      const mark: Mark = breakHere
        ? { kind: this.chance(0.8) ? "insertion" : "deletion", id: this.pick(this.ids) }
        : null;
      out.push(this.paragraph({ first: carry, last: breakHere ? mark : undefined }));
      carry = breakHere ? mark : undefined;
    }
    return out;
  }

  listItem(depth: number, edges: { first?: Mark; last?: Mark }): Shape {
    const children: Shape[] = [this.paragraph(edges)];
    if (depth < 2 && this.chance(0.25)) children.push(this.list(depth + 1));
    if (this.chance(0.15)) children.push(this.paragraph());
    return { element: "listItem", children };
  }

  list(depth = 0): Shape {
    const ordered = this.chance(0.8);
    const attributes: Record<string, unknown> = {};
    if (ordered) {
      attributes.start = 1;
      if (this.chance(0.5)) attributes.type = this.pick(["a", "i"]);
    }
    const count = 1 + Math.floor(this.random() * 4);
    const items: Shape[] = [];
    // Items joined by a proposal across their boundary: a proposed new sub-paragraph.
    let carry: Mark | undefined;
    for (let i = 0; i < count; i++) {
      const breakHere = i + 1 < count && this.chance(0.3);
      const mark: Mark = breakHere ? { kind: "insertion", id: this.pick(this.ids) } : null;
      items.push(this.listItem(depth, { first: carry, last: breakHere ? mark : undefined }));
      carry = breakHere ? mark : undefined;
    }
    return { element: ordered ? "orderedList" : "bulletList", attributes, children: items };
  }

  /** Writes a random clause into `doc`. */
  write(doc: Y.Doc): void {
    const fragment = doc.getXmlFragment(CLAUSE_FRAGMENT);
    const blocks: Shape[] = [];
    const count = 1 + Math.floor(this.random() * 5);
    for (let i = 0; i < count; i++) {
      if (this.chance(0.3)) blocks.push(this.list());
      else blocks.push(...this.paragraphs(1 + Math.floor(this.random() * 3)));
    }
    doc.transact(() => writeShapes(fragment, blocks));
  }
}
