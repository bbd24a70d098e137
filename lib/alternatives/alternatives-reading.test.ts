// The one reading of alternatives: the clause model reads the mark strictly (runs carry the set
// id), the agreed form counts it, the guard's rule refuses marks the server did not place (a
// forged set, a mark on proposed words, a passage re-labelled as another set), choosing replaces
// the words, and exports print the passage as negotiators write it.
import { randomUUID } from "node:crypto";
import { initProseMirrorDoc } from "@tiptap/y-tiptap";
import { describe, expect, it } from "vitest";
import type * as Y from "yjs";
import { agreedForm } from "@/lib/clause-model/agreed-form";
import { type ClauseNode, paragraphsOf } from "@/lib/clause-model/clause-model";
import { isClauseUnreadable } from "@/lib/clause-model/clause-unreadable";
import { readClause } from "@/lib/clause-model/read-clause";
import { clauseDoc } from "@/lib/comments/test-clause-doc";
import { CLAUSE_FRAGMENT, clauseSchema } from "@/lib/editor/extensions";
import { clauseHtml } from "@/lib/exports/clause-html";
import { clauseText } from "@/lib/exports/clause-text";
import { markAlternativesBetween, settleAlternatives } from "./alternative-words";
import { checkAlternatives, type KnownSet } from "./check-alternatives";

const SET = "00000000-0000-4000-8000-0000000000c1";
const OTHER = "00000000-0000-4000-8000-0000000000c2";
const TEXT = "Each State Party shall criminalize child sexual abuse material online.";

function positionOf(doc: Y.Doc, words: string): number {
  const { doc: root } = initProseMirrorDoc(doc.getXmlFragment(CLAUSE_FRAGMENT), clauseSchema);
  let from = -1;
  root.descendants((node, pos) => {
    if (from === -1 && node.isText && node.text?.includes(words)) from = pos + node.text.indexOf(words);
  });
  return from;
}

function mark(doc: Y.Doc, words: string, setId: string) {
  const from = positionOf(doc, words);
  return markAlternativesBetween(doc, from, from + words.length, setId);
}

const textOf = (doc: Y.Doc) => (doc.getXmlFragment(CLAUSE_FRAGMENT).get(0) as Y.XmlElement).get(0) as Y.XmlText;

function marked(nodes: readonly ClauseNode[]): [string, string][] {
  return [...paragraphsOf(nodes)].flatMap((p) =>
    p.inlines.flatMap((i) =>
      i.type === "text" && i.alternatives ? [[i.text, i.alternatives] as [string, string]] : [],
    ),
  );
}

function unreadable(attrs: unknown): string {
  const doc = clauseDoc(TEXT);
  textOf(doc).format(0, 4, { alternatives: attrs });
  try {
    readClause(doc);
    return "read";
  } catch (error) {
    if (isClauseUnreadable(error)) return error.why;
    throw error;
  }
}

describe("reading alternatives", () => {
  it("runs carry the set id on the words of Alt 1, and the agreed form sees the mark", () => {
    const doc = clauseDoc(TEXT);
    const plain = agreedForm(readClause(doc).blocks);
    const result = mark(doc, "child sexual abuse material", SET);
    expect(result).toMatchObject({ ok: true, quote: "child sexual abuse material" });
    const model = readClause(doc);
    expect(marked(model.blocks)).toEqual([["child sexual abuse material", SET]]);
    expect(agreedForm(model.blocks)).not.toBe(plain);
  });

  it("is strict: an id that is not an id, or any other attribute, makes the clause unreadable", () => {
    expect(unreadable({ id: SET })).toBe("read");
    expect(unreadable({ id: "Alt 1" })).toContain("not an id");
    expect(unreadable({ id: SET, sponsor: "AUS" })).toContain("unknown attribute");
    expect(unreadable("x")).toContain("without their attributes");
  });

  it("refuses words already in a set, and words in two paragraphs", () => {
    const doc = clauseDoc(TEXT);
    expect(mark(doc, "child sexual abuse material", SET).ok).toBe(true);
    expect(mark(doc, "sexual abuse", OTHER)).toEqual({ ok: false, why: "already-alternatives" });
  });
});

describe("the guard's rule", () => {
  const known = new Map<string, KnownSet>([[SET, { clauseId: "clause-1", chosen: false }]]);

  it("refuses a mark the server never placed (a made-up set, another clause's, a chosen one)", () => {
    const before = readClause(clauseDoc(TEXT)).blocks;
    const forged = clauseDoc(TEXT);
    textOf(forged).format(0, 4, { alternatives: { id: randomUUID() } });
    expect(checkAlternatives(before, readClause(forged).blocks, "clause-1", known)).toContain("only the server");
    const placed = clauseDoc(TEXT);
    textOf(placed).format(0, 4, { alternatives: { id: SET } });
    // The server's own set of this clause (the chair's undo brings its words back): allowed.
    expect(checkAlternatives(before, readClause(placed).blocks, "clause-1", known)).toBeNull();
    expect(checkAlternatives(before, readClause(placed).blocks, "clause-2", known)).toContain("only the server");
    const chosen = new Map<string, KnownSet>([[SET, { clauseId: "clause-1", chosen: true }]]);
    expect(checkAlternatives(before, readClause(placed).blocks, "clause-1", chosen)).toContain("chosen");
  });

  it("refuses the mark on proposed words", () => {
    const doc = clauseDoc(TEXT);
    const before = readClause(doc).blocks;
    const insertion = {
      id: randomUUID(),
      authorId: randomUUID(),
      authorName: "A",
      organizationId: randomUUID(),
      organizationCode: "AUS",
      organizationName: "Australia",
      colour: "#1d4ed8",
      at: new Date().toISOString(),
    };
    textOf(doc).insert(0, "New ", { insertion, alternatives: { id: SET } });
    expect(checkAlternatives(before, readClause(doc).blocks, "clause-1", known)).toContain("proposed words");
  });

  it("refuses altering a set's id (words moved to another set)", () => {
    const doc = clauseDoc(TEXT);
    mark(doc, "child sexual abuse material", SET);
    const before = readClause(doc).blocks;
    const at = TEXT.indexOf("child");
    textOf(doc).format(at, "child sexual abuse material".length, { alternatives: { id: OTHER } });
    const both = new Map<string, KnownSet>([...known, [OTHER, { clauseId: "clause-1", chosen: false }]]);
    expect(checkAlternatives(before, readClause(doc).blocks, "clause-1", both)).toContain("another");
  });
});

describe("choosing and printing", () => {
  it("choosing Alt 2 replaces the words; choosing Alt 1 takes the mark off and keeps them", () => {
    const doc = clauseDoc(TEXT);
    mark(doc, "child sexual abuse material", SET);
    expect(settleAlternatives(doc, SET, "child pornography")).not.toBeNull();
    const model = readClause(doc);
    expect(marked(model.blocks)).toEqual([]);
    expect(clauseText(model)).toBe("Each State Party shall criminalize child pornography online.");
    const kept = clauseDoc(TEXT);
    mark(kept, "child sexual abuse material", SET);
    settleAlternatives(kept, SET, null);
    expect(clauseText(readClause(kept))).toBe(TEXT);
    expect(settleAlternatives(kept, SET, null)).toBeNull();
  });

  it("exports print `[Alt 1: …] [Alt 2: …]`", () => {
    const doc = clauseDoc(TEXT);
    mark(doc, "child sexual abuse material", SET);
    const model = readClause(doc);
    const wordings = new Map([[SET, ["child pornography", "CSAM"]]]);
    expect(clauseText(model, wordings)).toBe(
      "Each State Party shall criminalize [Alt 1: child sexual abuse material] [Alt 2: child pornography] [Alt 3: CSAM] online.",
    );
    expect(clauseHtml(model, new Map(), wordings)).toContain("[Alt 2: child pornography]");
  });
});
