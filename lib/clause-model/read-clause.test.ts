// The strict reader: a clause the editor writes reads into the model; anything the shared
// schema does not allow makes the reading fail with a reason.
import { prosemirrorToYXmlFragment, yXmlFragmentToProseMirrorRootNode } from "@tiptap/y-tiptap";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { CLAUSE_FRAGMENT, clauseSchema } from "@/lib/editor/extensions";
import { adRef, clauseBody, para } from "@/lib/seed/clause-body";
import { anchoredThreadIds } from "./anchored-threads";
import { isClauseUnreadable } from "./clause-unreadable";
import { clausePlainText } from "./plain-text";
import { readClause } from "./read-clause";

function withParagraph(text = "Each State Party shall adopt measures."): { doc: Y.Doc; paragraph: Y.XmlElement } {
  const doc = new Y.Doc();
  const paragraph = new Y.XmlElement("paragraph");
  doc.getXmlFragment(CLAUSE_FRAGMENT).insert(0, [paragraph]);
  const content = new Y.XmlText();
  paragraph.insert(0, [content]);
  content.insert(0, text);
  return { doc, paragraph };
}

function reason(doc: Y.Doc): string {
  try {
    readClause(doc);
  } catch (error) {
    if (isClauseUnreadable(error)) return error.why;
    throw error;
  }
  return "readable";
}

const proposal = (kind: string, extra: Record<string, unknown> = {}) => ({
  [kind]: { id: "a1b2c3d4-0000-4000-8000-000000000000", authorId: "x", at: "2026-12-01T10:00:00Z", ...extra },
});

describe("reading a clause into the model", () => {
  it("reads what the editor writes: numbered paragraphs, sub-paragraphs, formatting, anchors", () => {
    const doc = new Y.Doc();
    const body = clauseBody(
      para(["Each State Party shall ", { text: "criminalize", bold: true }], "one", "two"),
      para(adRef("Second paragraph.")),
    );
    prosemirrorToYXmlFragment(clauseSchema.nodeFromJSON(body), doc.getXmlFragment(CLAUSE_FRAGMENT));
    const model = readClause(doc);
    expect(model.blocks[0]).toMatchObject({ type: "orderedList", start: 1, numbering: null });
    const first = model.blocks[0].type === "orderedList" ? model.blocks[0].items[0] : null;
    expect(first?.blocks[1]).toMatchObject({ type: "orderedList", numbering: "a" });
    expect(first?.blocks[0]).toMatchObject({
      type: "paragraph",
      inlines: [{ text: "Each State Party shall " }, { text: "criminalize", formatting: ["bold"] }],
    });
    // The same words, in the same order, as the editor's own reading of the fragment.
    const root = yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(CLAUSE_FRAGMENT), clauseSchema);
    expect(clausePlainText(model)).toBe(root.textBetween(0, root.content.size, "\n\n", "\n"));
  });

  it("reads an empty fragment as an empty clause, and finds comment anchors under hashed keys", () => {
    expect(readClause(new Y.Doc()).blocks).toEqual([]);
    const { doc, paragraph } = withParagraph();
    (paragraph.get(0) as Y.XmlText).format(0, 4, { "commentAnchor--abc": { threadId: "thread-1" } });
    (paragraph.get(0) as Y.XmlText).format(2, 6, { commentAnchor: { threadId: "thread-2" } });
    expect(anchoredThreadIds(readClause(doc))).toEqual(new Set(["thread-1", "thread-2"]));
  });

  it.each<[string, (doc: Y.Doc, paragraph: Y.XmlElement) => void, RegExp]>([
    [
      "a bare text node at the root",
      (doc) => doc.getXmlFragment(CLAUSE_FRAGMENT).insert(0, [new Y.XmlText("x")]),
      /paragraph or a list/,
    ],
    [
      "an unknown element",
      (doc) => doc.getXmlFragment(CLAUSE_FRAGMENT).insert(0, [new Y.XmlElement("script")]),
      /"script"/,
    ],
    [
      "a hard break at the root",
      (doc) => doc.getXmlFragment(CLAUSE_FRAGMENT).insert(0, [new Y.XmlElement("hardBreak")]),
      /"hardBreak"/,
    ],
    ["a map inside a paragraph", (_, p) => p.insert(0, [new Y.XmlHook("hook") as never]), /other than text/],
    ["an embed inside the words", (_, p) => (p.get(0) as Y.XmlText).insertEmbed(2, { image: "x" }), /other than words/],
    [
      "a shared type embedded in the words",
      (_, p) => (p.get(0) as Y.XmlText).insertEmbed(2, new Y.Map()),
      /other than words/,
    ],
    ["an unknown mark", (_, p) => (p.get(0) as Y.XmlText).format(0, 4, { strike: {} }), /unknown mark "strike"/],
    [
      "a hashed key of a mark that cannot overlap",
      (_, p) => (p.get(0) as Y.XmlText).format(0, 4, { "bold--x": {} }),
      /unknown mark/,
    ],
    [
      "formatting with attributes",
      (_, p) => (p.get(0) as Y.XmlText).format(0, 4, { bold: { level: 2 } }),
      /formatting/,
    ],
    [
      "formatting that is not an object",
      (_, p) => (p.get(0) as Y.XmlText).format(0, 4, { italic: true }),
      /formatting/,
    ],
    ["a formatting proposal", (_, p) => (p.get(0) as Y.XmlText).format(0, 4, proposal("modification")), /formatting/],
    [
      "a proposal with an unknown attribute",
      (_, p) => (p.get(0) as Y.XmlText).format(0, 4, proposal("insertion", { evil: "1" })),
      /unknown attribute "evil"/,
    ],
    [
      "a proposal attribute of the wrong type",
      (_, p) => (p.get(0) as Y.XmlText).format(0, 4, proposal("deletion", { at: 5 })),
      /not text/,
    ],
    [
      "a proposal without an id",
      (_, p) => (p.get(0) as Y.XmlText).format(0, 4, proposal("insertion", { id: null })),
      /without an id/,
    ],
    [
      "words both inserted and deleted",
      (_, p) => (p.get(0) as Y.XmlText).format(0, 4, { ...proposal("insertion"), ...proposal("deletion") }),
      /both/,
    ],
    [
      "an anchor without a thread",
      (_, p) => (p.get(0) as Y.XmlText).format(0, 4, { commentAnchor: { threadId: 1 } }),
      /thread id/,
    ],
    ["an attribute on a paragraph", (_, p) => p.setAttribute("style", "color: red"), /attribute "style"/],
    ["an attribute on a text node", (_, p) => (p.get(0) as Y.XmlText).setAttribute("x", "y"), /attributes on a text/],
    [
      "a list item at the root",
      (doc) => doc.getXmlFragment(CLAUSE_FRAGMENT).insert(0, [new Y.XmlElement("listItem")]),
      /"listItem"/,
    ],
  ])("refuses %s", (_, corrupt, why) => {
    const { doc, paragraph } = withParagraph();
    expect(reason(doc)).toBe("readable");
    corrupt(doc, paragraph);
    expect(reason(doc)).toMatch(why);
  });

  it("refuses lists the schema does not allow", () => {
    const cases: [(list: Y.XmlElement) => void, RegExp][] = [
      [() => {}, /empty list/],
      [(list) => list.insert(0, [new Y.XmlElement("paragraph")]), /directly inside a list/],
      [(list) => list.insert(0, [new Y.XmlElement("listItem")]), /begin with a paragraph/],
      [(list) => list.setAttribute("start", "1"), /whole number/],
      [(list) => list.setAttribute("type", "disc"), /unknown numbering/],
      [(list) => list.setAttribute("reversed", "true"), /attribute "reversed"/],
    ];
    for (const [corrupt, why] of cases) {
      const doc = new Y.Doc();
      const list = new Y.XmlElement("orderedList");
      doc.getXmlFragment(CLAUSE_FRAGMENT).insert(0, [list]);
      corrupt(list);
      expect(reason(doc)).toMatch(why);
    }
  });

  it("refuses JSON values and other content at the root of the text", () => {
    // Raw content a modified client can encode in an update: values that are not XML elements.
    const source = new Y.Doc();
    const array = source.getArray<unknown>(CLAUSE_FRAGMENT);
    array.insert(0, [{ json: true }, new Y.Map()]);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(source));
    expect(reason(doc)).toMatch(/paragraph or a list/);
  });
});
