import { describe, expect, it } from "vitest";
import { letterNumeral, romanNumeral } from "./numerals";

describe("numerals", () => {
  it("writes roman numerals", () => {
    expect([1, 4, 9, 14, 40, 90, 400, 1994].map(romanNumeral)).toEqual([
      "i",
      "iv",
      "ix",
      "xiv",
      "xl",
      "xc",
      "cd",
      "mcmxciv",
    ]);
    expect(romanNumeral(0)).toBe("");
  });

  it("letters on past z as lettered lists do", () => {
    expect([1, 2, 26, 27, 28, 52, 53, 702, 703].map(letterNumeral)).toEqual([
      "a",
      "b",
      "z",
      "aa",
      "ab",
      "az",
      "ba",
      "zz",
      "aaa",
    ]);
    expect(letterNumeral(0)).toBe("");
  });
});
