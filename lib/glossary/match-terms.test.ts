import { describe, expect, it } from "vitest";
import { compileTerms, matchTerms } from "./match-terms";
import { wordStem } from "./word-stem";

const glossary = compileTerms([
  { id: "cp", term: "child pornography" },
  { id: "minor", term: "minor" },
  { id: "ncii", term: "revenge porn" },
  { id: "sextortion", term: "sextortion" },
  { id: "image", term: "intimate image" },
]);

const found = (text: string) => matchTerms(text, glossary).map(({ termId, text }) => [termId, text]);

describe("matchTerms", () => {
  it("finds a term whatever its case", () => {
    expect(found("Offences of child pornography and Child Pornography, CHILD PORNOGRAPHY")).toEqual([
      ["cp", "child pornography"],
      ["cp", "Child Pornography"],
      ["cp", "CHILD PORNOGRAPHY"],
    ]);
  });

  it("finds plurals, possessives and simple inflections of each word", () => {
    expect(found("children's pornographies")).toEqual([["cp", "children's pornographies"]]);
    expect(found("child pornographic material")).toEqual([["cp", "child pornographic"]]);
    expect(found("minors, a minor's rights")).toEqual([
      ["minor", "minors"],
      ["minor", "minor's"],
    ]);
    expect(found("sharing intimate images")).toEqual([["image", "intimate images"]]);
  });

  it("matches whole words only", () => {
    expect(found("minority rights")).toEqual([]);
    expect(found("sextortionists")).toEqual([]);
    expect(found("grandchild pornography")).toEqual([]);
    expect(found("pornography of a child")).toEqual([]);
  });

  it("lets a term's words be split by spaces, line breaks or a hyphen, but nothing else", () => {
    expect(found("child\n  pornography, child-pornography")).toEqual([
      ["cp", "child\n  pornography"],
      ["cp", "child-pornography"],
    ]);
    expect(found("child, pornography")).toEqual([]);
    expect(found("child (pornography)")).toEqual([]);
  });

  it("gives offsets of the words as written", () => {
    const text = "On revenge porn.";
    const [match] = matchTerms(text, glossary);
    expect(text.slice(match.from, match.to)).toBe("revenge porn");
  });

  it("prefers the longest term at a word", () => {
    const terms = compileTerms([
      { id: "short", term: "child" },
      { id: "long", term: "child pornography" },
    ]);
    expect(matchTerms("child pornography and a child", terms).map((m) => m.termId)).toEqual(["long", "short"]);
  });
});

describe("wordStem", () => {
  it("keeps short words whole and brings inflections together", () => {
    expect(wordStem("is")).toBe("is");
    expect(wordStem("witnesses")).toBe(wordStem("witness"));
    expect(wordStem("victims")).toBe(wordStem("victim"));
    expect(wordStem("women")).toBe(wordStem("woman"));
    expect(wordStem("gendered")).toBe(wordStem("gender"));
    expect(wordStem("shared")).toBe(wordStem("share"));
    expect(wordStem("minority")).not.toBe(wordStem("minor"));
  });
});
