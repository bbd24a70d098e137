import { describe, expect, it } from "vitest";
import { clauseMatches } from "./clause-matches";

const grooming = {
  id: "1",
  number: "15",
  title: "Solicitation or grooming for the purpose of committing a sexual offence against a child",
  topics: ["CSAM", "children"],
  status: "OPEN",
};
const all = { words: "", topic: "", status: "" };

describe("finding clauses on the list", () => {
  it("matches every word typed in the number, title or topics, in any case", () => {
    expect(clauseMatches(grooming, { ...all, words: "GROOMING child" })).toBe(true);
    expect(clauseMatches(grooming, { ...all, words: "article 15" })).toBe(true);
    expect(clauseMatches(grooming, { ...all, words: "grooming witnesses" })).toBe(false);
    expect(clauseMatches(grooming, all)).toBe(true);
  });

  it("filters by one topic and one status", () => {
    expect(clauseMatches(grooming, { ...all, topic: "CSAM" })).toBe(true);
    expect(clauseMatches(grooming, { ...all, topic: "gender" })).toBe(false);
    expect(clauseMatches(grooming, { ...all, status: "AGREED" })).toBe(false);
    expect(clauseMatches(grooming, { ...all, status: "OPEN", topic: "children" })).toBe(true);
  });
});
