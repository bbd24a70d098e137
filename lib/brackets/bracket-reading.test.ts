// The one reading of brackets: the clause model reads bracket marks strictly (runs carry them),
// lists each bracket once with its words, the agreed form counts them, the guard's rule tells a
// placed bracket from a forged one, and exports print them as negotiators write them.
import { Transform } from "@tiptap/pm/transform";
import { initProseMirrorDoc, updateYFragment } from "@tiptap/y-tiptap";
import { describe, expect, it } from "vitest";
import type * as Y from "yjs";
import { agreedForm } from "@/lib/clause-model/agreed-form";
import type { BracketOnWords } from "@/lib/clause-model/clause-model";
import { isClauseUnreadable } from "@/lib/clause-model/clause-unreadable";
import { readClause } from "@/lib/clause-model/read-clause";
import { clauseDoc } from "@/lib/comments/test-clause-doc";
import { CLAUSE_FRAGMENT, clauseSchema } from "@/lib/editor/extensions";
import { clauseHtml } from "@/lib/exports/clause-html";
import { clauseText } from "@/lib/exports/clause-text";
import { bracketBetween, unbracket } from "./bracket-words";
import { bracketsInClause } from "./brackets-in-clause";
import { checkBrackets, type KnownBracket } from "./check-brackets";

const AUS: BracketOnWords = {
  id: "00000000-0000-4000-8000-0000000000a1",
  organizationId: "00000000-0000-4000-8000-00000000a000",
  organizationCode: "AUS",
  personId: "00000000-0000-4000-8000-00000000a001",
  personName: "Chloe Whitfield",
  at: "2026-12-01T10:00:00.000Z",
  note: "Pornography implies consent.",
};
const NZL: BracketOnWords = {
  ...AUS,
  id: "00000000-0000-4000-8000-0000000000b1",
  organizationId: "00000000-0000-4000-8000-00000000b000",
  organizationCode: "NZL",
  note: null,
};

/** Brackets `words` (first occurrence) in a document, as the server's command does. */
function bracket(doc: Y.Doc, words: string, attrs: BracketOnWords): void {
  const { doc: root } = initProseMirrorDoc(doc.getXmlFragment(CLAUSE_FRAGMENT), clauseSchema);
  let from = -1;
  root.descendants((node, pos) => {
    if (from === -1 && node.isText && node.text?.includes(words)) from = pos + node.text.indexOf(words);
  });
  const placed = bracketBetween(doc, from, from + words.length, attrs);
  if (!placed.ok) throw new Error(placed.why);
}

function unreadable(write: (text: Y.XmlText) => void): string {
  const doc = clauseDoc("Victims and witnesses.");
  const text = (doc.getXmlFragment(CLAUSE_FRAGMENT).get(0) as Y.XmlElement).get(0) as Y.XmlText;
  write(text);
  try {
    readClause(doc);
    return "read";
  } catch (error) {
    if (isClauseUnreadable(error)) return error.why;
    throw error;
  }
}

describe("the clause model reads brackets", () => {
  it("on the runs they cover, each bracket once with its words, overlapping brackets both", () => {
    const doc = clauseDoc("available child sexual abuse material child pornography through");
    bracket(doc, "child pornography", AUS);
    bracket(doc, "pornography", NZL);
    const found = bracketsInClause(readClause(doc).blocks);
    expect(found.map((b) => [b.organizationCode, b.words])).toEqual([
      ["AUS", "child pornography"],
      ["NZL", "pornography"],
    ]);
    expect(found[0]).toMatchObject({ personName: "Chloe Whitfield", note: "Pornography implies consent." });
  });

  it("strictly: an unknown attribute, an id that is not an id, a missing code, a bad time or note make it unreadable", () => {
    const write = (attrs: object) => (text: Y.XmlText) => text.format(0, 7, { bracket: attrs });
    expect(unreadable(write(AUS))).toBe("read");
    expect(unreadable(write({ ...AUS, colour: "red" }))).toBe('a bracket with an unknown attribute "colour"');
    expect(unreadable(write({ ...AUS, organizationId: "AUS" }))).toBe('a bracket whose "organizationId" is not an id');
    expect(unreadable(write({ ...AUS, organizationCode: "" }))).toBe('a bracket without its "organizationCode"');
    expect(unreadable(write({ ...AUS, at: "yesterday" }))).toBe("a bracket whose time is not a time");
    expect(unreadable(write({ ...AUS, note: 5 }))).toBe("a bracket whose note is not a short text");
    expect(unreadable((text) => text.format(0, 7, { "bracket--1a2b": "x" }))).toBe("a bracket without its attributes");
  });

  it("in the agreed form: bracketing or unbracketing agreed words changes it", () => {
    const doc = clauseDoc("Victims and witnesses.");
    const before = agreedForm(readClause(doc).blocks);
    bracket(doc, "and witnesses", AUS);
    const bracketed = agreedForm(readClause(doc).blocks);
    expect(bracketed).not.toBe(before);
    expect(unbracket(doc, AUS.id)).not.toBeNull();
    expect(agreedForm(readClause(doc).blocks)).toBe(before);
    expect(unbracket(doc, AUS.id)).toBeNull();
  });
});

describe("what a bracket may cover", () => {
  it("agreed words only: words proposed for insertion inside the selection are left out", () => {
    const doc = clauseDoc("Victims and witnesses.");
    const fragment = doc.getXmlFragment(CLAUSE_FRAGMENT);
    const { doc: root, meta } = initProseMirrorDoc(fragment, clauseSchema);
    const insertion = clauseSchema.marks.insertion.create({ id: "00000000-0000-4000-8000-0000000000c1" });
    const next = new Transform(root).insert(9, clauseSchema.text("proposed ", [insertion])).doc;
    doc.transact(() => updateYFragment(doc, fragment, next, meta));
    const placed = bracketBetween(doc, 1, 1 + "Victims proposed and".length, AUS);
    expect(placed).toMatchObject({ ok: true, quote: "Victims and" });
    const [found] = bracketsInClause(readClause(doc).blocks);
    expect(found.words).toBe("Victims … and");
    expect(bracketBetween(doc, 9, 9 + "proposed".length, NZL)).toEqual({ ok: false, why: "no-agreed-words" });
  });
});

describe("the guard's rule", () => {
  const clauseId = "00000000-0000-4000-8000-00000000c1a0";
  const placed = (doc: Y.Doc) => readClause(doc).blocks;
  const known = (bracket: BracketOnWords, removed = false): Map<string, KnownBracket> =>
    new Map([[bracket.id, { clauseId, bracket, removed }]]);

  it("refuses a bracket the server did not place, one it placed elsewhere or removed, or with other attributes", () => {
    const plain = clauseDoc("Victims and witnesses.");
    const before = placed(plain);
    bracket(plain, "witnesses", AUS);
    const after = placed(plain);
    expect(checkBrackets(before, after, clauseId, new Map())).toMatch(/only the server places/);
    expect(checkBrackets(before, after, clauseId, known(AUS))).toBeNull();
    expect(checkBrackets(before, after, "00000000-0000-4000-8000-00000000c1a1", known(AUS))).toMatch(/only the server/);
    expect(checkBrackets(before, after, clauseId, known(AUS, true))).toMatch(/chair removed/);
    expect(checkBrackets(before, after, clauseId, known({ ...AUS, note: "other" }))).toMatch(/forged attributes/);
  });

  it("refuses a bracket whose attributes change", () => {
    const doc = clauseDoc("Victims and witnesses.");
    bracket(doc, "witnesses", AUS);
    const before = placed(doc);
    const relabelled = clauseDoc("Victims and witnesses.");
    bracket(relabelled, "witnesses", { ...AUS, organizationCode: "RUS" });
    expect(checkBrackets(before, placed(relabelled), clauseId, new Map())).toMatch(/changes a bracket/);
  });
});

describe("exports print brackets as negotiators write them", () => {
  it("plain text and the printable page, nested brackets closing in order", () => {
    const doc = clauseDoc("available child pornography through");
    bracket(doc, "child pornography", AUS);
    bracket(doc, "pornography", NZL);
    const model = readClause(doc);
    expect(clauseText(model)).toBe("available [child [pornography]] through");
    expect(clauseHtml(model)).toBe(
      '<p>available <span class="bracket">[</span>child <span class="bracket">[</span>pornography<span class="bracket">]</span><sup class="by">NZL</sup><span class="bracket">]</span><sup class="by">AUS</sup> through</p>',
    );
  });
});
