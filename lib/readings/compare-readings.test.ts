import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { CLAUSE_FRAGMENT } from "@/lib/editor/extensions";
import { type Attributor, compareReadings, compareWords } from "./compare-readings";
import { type Reading, readingOfState } from "./reading";

type Run = string | { text: string; insertion?: string; deletion?: string; bracket?: string };
type Para = Run[] | { numbered: Run[][] };

const AUS = {
  authorId: "00000001-0000-4000-8000-000000000000",
  authorName: "Delegate AUS",
  organizationId: "00000001-0000-4000-8000-00000000000a",
  organizationCode: "AUS",
  organizationName: "Australia",
  colour: "#123456",
};

const B1 = "00000001-0000-4000-8000-0000000000b1";
const B2 = "00000001-0000-4000-8000-0000000000b2";

function paragraph(runs: Run[]): Y.XmlElement {
  const element = new Y.XmlElement("paragraph");
  const text = new Y.XmlText();
  element.insert(0, [text]);
  let at = 0;
  for (const run of runs) {
    const piece = typeof run === "string" ? { text: run } : run;
    const attributes: Record<string, unknown> = {};
    if (piece.insertion) attributes.insertion = { id: piece.insertion, ...AUS, at: "2026-12-01T10:00:00.000Z" };
    if (piece.deletion) attributes.deletion = { id: piece.deletion, ...AUS, at: "2026-12-01T10:00:00.000Z" };
    if (piece.bracket)
      attributes.bracket = {
        id: piece.bracket,
        organizationId: AUS.organizationId,
        organizationCode: "AUS",
        personId: AUS.authorId,
        personName: AUS.authorName,
        at: "2026-12-01T09:00:00.000Z",
        note: null,
      };
    text.insert(at, piece.text, attributes);
    at += piece.text.length;
  }
  return element;
}

/** A clause's stored state, built the way the editor stores it. */
function clause(...paras: Para[]): Reading {
  const doc = new Y.Doc();
  const fragment = doc.getXmlFragment(CLAUSE_FRAGMENT);
  doc.transact(() => {
    fragment.insert(
      0,
      paras.map((para) => {
        if (Array.isArray(para)) return paragraph(para);
        const list = new Y.XmlElement("orderedList");
        list.insert(
          0,
          para.numbered.map((runs) => {
            const item = new Y.XmlElement("listItem");
            item.insert(0, [paragraph(runs)]);
            return item;
          }),
        );
        return list;
      }),
    );
  });
  return readingOfState(Y.encodeStateAsUpdate(doc));
}

describe("compare two readings of a clause", () => {
  it("marks the words changed, and only those", () => {
    expect(compareWords("Each State Party shall adopt measures", "Each State Party may adopt measures")).toEqual([
      { kind: "same", text: "Each State Party " },
      { kind: "delete", text: "shall" },
      { kind: "insert", text: "may" },
      { kind: "same", text: " adopt measures" },
    ]);
  });

  it("reads two neighbouring changed words as one change", () => {
    const pieces = compareWords("shall adopt such measures", "may take such measures");
    expect(pieces).toEqual([
      { kind: "delete", text: "shall adopt" },
      { kind: "insert", text: "may take" },
      { kind: "same", text: " such measures" },
    ]);
  });

  it("lists each change with its paragraph and kind", () => {
    const result = compareReadings(
      clause(["The first paragraph."], ["The second paragraph."]),
      clause(["The first paragraph."], ["The second amended paragraph."]),
    );
    expect(result.changes).toEqual([
      {
        kind: "insert",
        text: "amended ",
        paragraph: { row: 1, from: "", to: "" },
        delegation: null,
        attribution: null,
      },
    ]);
  });

  it("aligns numbered paragraphs when one is removed, with the number each had then and now", () => {
    const from = clause({ numbered: [["Alpha words."], ["Beta words."], ["Gamma words."]] });
    const to = clause({ numbered: [["Alpha words."], ["Gamma words."]] });
    const result = compareReadings(from, to);
    expect(result.paragraphs.map((row) => [row.from?.label ?? null, row.to?.label ?? null])).toEqual([
      ["1.", "1."],
      ["2.", null],
      ["3.", "2."],
    ]);
    expect(result.changes).toEqual([
      expect.objectContaining({ kind: "delete", text: "Beta words.", paragraph: { row: 1, from: "2.", to: null } }),
    ]);
  });

  it("shows an added paragraph as added and the ones after it still aligned", () => {
    const from = clause(["Alpha."], ["Gamma."]);
    const to = clause(["Alpha."], ["A new paragraph."], ["Gamma."]);
    const result = compareReadings(from, to);
    expect(result.paragraphs.map((row) => [row.from?.index ?? null, row.to?.index ?? null])).toEqual([
      [0, 0],
      [null, 1],
      [1, 2],
    ]);
    expect(result.changes.map((c) => [c.kind, c.text])).toEqual([["insert", "A new paragraph."]]);
  });

  it("compares the agreed text: an open proposal is no change, and is listed as opened", () => {
    const from = clause(["States shall cooperate."]);
    const to = clause(["States shall ", { text: "closely ", insertion: "p1" }, "cooperate."]);
    const result = compareReadings(from, to);
    expect(result.changes).toEqual([]);
    expect(result.proposals.opened).toEqual([
      expect.objectContaining({
        id: "p1",
        kind: "INSERTION",
        insertedText: "closely ",
        delegation: expect.objectContaining({ code: "AUS" }),
      }),
    ]);
  });

  it("reads a proposal open in the first version and accepted by the second as a change it explains", () => {
    const from = clause([
      "States ",
      { text: "shall", deletion: "p2" },
      { text: "may", insertion: "p2" },
      " cooperate.",
    ]);
    const to = clause(["States may cooperate."]);
    const attribute: Attributor = (change) =>
      change.kind === "insert" && change.text === "may"
        ? {
            by: "proposal",
            proposalId: "p2",
            delegation: { code: "AUS", name: "Australia" },
            decision: { id: "d1", decidedBy: "Chair", at: "2026-12-01T11:00:00.000Z", reason: null },
          }
        : { by: "chair", name: "The Chair" };
    const result = compareReadings(from, to, attribute);
    expect(result.proposals.closed.map((p) => p.id)).toEqual(["p2"]);
    expect(result.changes).toEqual([
      expect.objectContaining({ kind: "delete", text: "shall", attribution: { by: "chair", name: "The Chair" } }),
      expect.objectContaining({ kind: "insert", text: "may", delegation: { code: "AUS", name: "Australia" } }),
    ]);
  });

  it("tells brackets removed from those added", () => {
    const result = compareReadings(
      clause(["Victims ", { text: "and witnesses", bracket: B1 }, " shall be protected."]),
      clause(["Victims and witnesses shall be protected ", { text: "by law", bracket: B2 }, "."]),
    );
    expect(result.brackets).toEqual({ removed: ["[and witnesses] AUS"], added: ["[by law] AUS"] });
  });

  it("always gives back both texts: the words kept and deleted, and the words kept and inserted", () => {
    let seed = 7;
    const next = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    const vocabulary = ["States", "shall", "may", "cooperate", "  ", "[and]", "effective", "measures."];
    const words = (n: number) =>
      Array.from({ length: n }, () => vocabulary[Math.floor(next() * vocabulary.length)]).join(
        next() < 0.5 ? " " : "  ",
      );
    for (let round = 0; round < 300; round++) {
      const from = words(Math.floor(next() * 12));
      const to = next() < 0.3 ? from : words(Math.floor(next() * 12));
      const pieces = compareWords(from, to);
      const side = (kind: "delete" | "insert") =>
        pieces
          .filter((p) => p.kind === "same" || p.kind === kind)
          .map((p) => p.text)
          .join("");
      expect([side("delete"), side("insert")]).toEqual([from, to]);
    }
  });

  it("finds a change of one word in a very long paragraph", () => {
    const words = Array.from({ length: 20_000 }, (_, i) => `w${i % 97}`);
    const changed = [...words];
    changed[12_345] = "changed";
    const pieces = compareWords(words.join(" "), changed.join(" "));
    expect(pieces.filter((p) => p.kind !== "same")).toEqual([
      { kind: "delete", text: words[12_345] },
      { kind: "insert", text: "changed" },
    ]);
  });
});
