import { describe, expect, it } from "vitest";
import { effectiveRestriction } from "./restriction";

describe("effectiveRestriction", () => {
  it("is open when neither the clause nor its chapter is restricted", () => {
    expect(effectiveRestriction([], [])).toBeNull();
  });
  it("takes the chapter's list for a clause of a restricted chapter", () => {
    expect(effectiveRestriction(["a", "b"], [])).toEqual(["a", "b"]);
  });
  it("takes the clause's own list in an open chapter", () => {
    expect(effectiveRestriction([], ["c"])).toEqual(["c"]);
  });
  it("never widens: both restricted means on both lists", () => {
    expect(effectiveRestriction(["a", "b"], ["b", "c"])).toEqual(["b"]);
    expect(effectiveRestriction(["a"], ["c"])).toEqual([]);
  });
});
