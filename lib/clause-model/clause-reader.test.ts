// The incremental reading of a clause: always equal to reading it whole, elements that did not
// change are reused as they are, and writes outside the clause's text are noticed.
import { prosemirrorToYXmlFragment } from "@tiptap/y-tiptap";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { CLAUSE_FRAGMENT, clauseSchema } from "@/lib/editor/extensions";
import { changedBlocks } from "@/lib/proposals/changed-blocks";
import { clauseForm } from "./clause-form";
import { type ClauseNode, paragraphsOf } from "./clause-model";
import { clauseReader } from "./clause-reader";
import { readClause } from "./read-clause";

function clauseDoc(paragraphs: number): Y.Doc {
  const doc = new Y.Doc();
  const content = Array.from({ length: paragraphs }, (_, i) =>
    clauseSchema.node("paragraph", null, [clauseSchema.text(`Paragraph ${i} of the clause.`)]),
  );
  prosemirrorToYXmlFragment(clauseSchema.node("doc", null, content), doc.getXmlFragment(CLAUSE_FRAGMENT));
  return doc;
}

/** The reader, giving the top-level blocks. */
function blocksOf(doc: Y.Doc) {
  const reader = clauseReader(doc);
  return { ...reader, read: () => reader.read().blocks };
}

const whole = (doc: Y.Doc) => readClause(doc).blocks;
const textContent = (node: ClauseNode) =>
  [...paragraphsOf([node])].map((p) => p.inlines.map((i) => (i.type === "text" ? i.text : "")).join("")).join("");
const paragraph = (doc: Y.Doc, i: number) => doc.getXmlFragment(CLAUSE_FRAGMENT).get(i) as Y.XmlElement;
const textOf = (doc: Y.Doc, i: number) => paragraph(doc, i).get(0) as Y.XmlText;

describe("reading a clause block by block", () => {
  it("matches a whole read after every kind of change, and reuses the blocks that did not change", () => {
    const doc = clauseDoc(6);
    const blocks = blocksOf(doc);
    // Each edit, and how many blocks it leaves untouched.
    const edits: [(d: Y.Doc) => void, number][] = [
      [(d) => textOf(d, 2).insert(3, "typed "), 5],
      [(d) => textOf(d, 4).delete(0, 5), 5],
      [(d) => textOf(d, 1).format(0, 4, { bold: {} }), 5],
      [(d) => d.getXmlFragment(CLAUSE_FRAGMENT).insert(3, [new Y.XmlElement("paragraph")]), 6],
      [(d) => d.getXmlFragment(CLAUSE_FRAGMENT).delete(0, 1), 6],
      [(d) => paragraph(d, 2).insert(0, [new Y.XmlText("new text")]), 5],
    ];
    for (const [edit, untouched] of edits) {
      const before = blocks.read();
      edit(doc);
      const after = blocks.read();
      const expected = whole(doc);
      expect(after.length).toBe(expected.length);
      expect(clauseForm(after)).toBe(clauseForm(expected));
      // Whatever did not change is the very same block object as before.
      expect(after.filter((node) => before.includes(node)).length).toBe(untouched);
      expect(changedBlocks(before, after)).not.toBeNull();
    }
  });

  it("gives the touched block and one neighbour on each side", () => {
    const doc = clauseDoc(8);
    const blocks = blocksOf(doc);
    const before = blocks.read();
    textOf(doc, 4).insert(0, "x");
    const range = changedBlocks(before, blocks.read());
    expect(range?.before.map(textContent)).toEqual([
      "Paragraph 3 of the clause.",
      "Paragraph 4 of the clause.",
      "Paragraph 5 of the clause.",
    ]);
    expect(range?.after.map(textContent)[1]).toBe("xParagraph 4 of the clause.");
    expect(changedBlocks(blocks.read(), blocks.read())).toBeNull();
  });

  it("notices an update that writes outside the clause's text", () => {
    const doc = clauseDoc(2);
    const blocks = blocksOf(doc);
    textOf(doc, 0).insert(0, "fine ");
    expect(blocks.wroteElsewhere()).toBe(false);
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    const vector = Y.encodeStateVector(other);
    other.getMap("smuggled").set("key", "value");
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other, vector));
    expect(blocks.wroteElsewhere()).toBe(true);
    blocks.clearForeign();
    expect(blocks.wroteElsewhere()).toBe(false);
  });
});

/** A clause that is one numbered list of `items` sub-paragraphs, as most articles are. */
function numberedDoc(items: number): Y.Doc {
  const doc = new Y.Doc();
  const list = clauseSchema.node(
    "orderedList",
    null,
    Array.from({ length: items }, (_, i) =>
      clauseSchema.node("listItem", null, [clauseSchema.node("paragraph", null, [clauseSchema.text(`Item ${i}.`)])]),
    ),
  );
  prosemirrorToYXmlFragment(clauseSchema.node("doc", null, [list]), doc.getXmlFragment(CLAUSE_FRAGMENT));
  return doc;
}
const item = (doc: Y.Doc, i: number) =>
  (doc.getXmlFragment(CLAUSE_FRAGMENT).get(0) as Y.XmlElement).get(i) as Y.XmlElement;
const itemText = (doc: Y.Doc, i: number) => (item(doc, i).get(0) as Y.XmlElement).get(0) as Y.XmlText;

describe("reading and judging a numbered list item by item", () => {
  it("rebuilds the list from its unchanged items and matches a whole read", () => {
    const doc = numberedDoc(10);
    const blocks = blocksOf(doc);
    const before = blocks.read();
    itemText(doc, 5).insert(0, "x");
    const after = blocks.read();
    expect(clauseForm(after)).toBe(clauseForm(whole(doc)));
    expect(after[0]).not.toBe(before[0]);
    const items = (blocks: readonly ClauseNode[]) => (blocks[0].type === "orderedList" ? blocks[0].items : []);
    const reused = [...Array(10).keys()].filter((i) => items(after)[i] === items(before)[i]);
    expect(reused).toEqual([0, 1, 2, 3, 4, 6, 7, 8, 9]);
  });

  it("judges a keystroke inside the list on its item and two neighbours", () => {
    const doc = numberedDoc(10);
    const blocks = blocksOf(doc);
    const before = blocks.read();
    itemText(doc, 5).insert(0, "x");
    const range = changedBlocks(before, blocks.read());
    expect(range?.atTop).toBe(false);
    expect(range?.after.map(textContent)).toEqual(["Item 4.", "xItem 5.", "Item 6."]);
  });

  it("judges a change to the list's first or last item on the whole list, with what lies around it", () => {
    const doc = numberedDoc(10);
    const blocks = blocksOf(doc);
    const before = blocks.read();
    itemText(doc, 9).insert(0, "x");
    const range = changedBlocks(before, blocks.read());
    expect(range?.atTop).toBe(true);
    expect(range?.after.map((n) => n.type)).toEqual(["orderedList"]);
  });
});

describe("an unreadable element in the incremental reading", () => {
  it("fails the reading until the element is put right, then reads it again", () => {
    const doc = clauseDoc(3);
    const reader = clauseReader(doc);
    reader.read();
    textOf(doc, 1).format(0, 3, { strike: {} });
    expect(() => reader.read()).toThrow(/unknown mark "strike"/);
    expect(() => reader.read()).toThrow(/unknown mark "strike"/);
    textOf(doc, 1).format(0, 3, { strike: null });
    expect(clauseForm(reader.read().blocks)).toBe(clauseForm(readClause(doc).blocks));
  });
});
