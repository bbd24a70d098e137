import { describe, expect, it } from "vitest";
import { alignCards } from "./align-cards";

describe("aligning thread cards with their words", () => {
  it("puts each card level with its words when there is room", () => {
    expect(
      alignCards(
        [
          { wish: 10, height: 50 },
          { wish: 200, height: 50 },
        ],
        -1,
      ),
    ).toEqual([10, 200]);
  });

  it("pushes a card down rather than overlap the one above", () => {
    expect(
      alignCards(
        [
          { wish: 10, height: 100 },
          { wish: 20, height: 50 },
        ],
        -1,
      ),
    ).toEqual([10, 118]);
  });

  it("stacks cards without words (whole clause, detached) after the ones before them", () => {
    expect(
      alignCards(
        [
          { wish: null, height: 40 },
          { wish: 30, height: 40 },
          { wish: null, height: 40 },
        ],
        -1,
      ),
    ).toEqual([0, 48, 96]);
  });

  it("brings the active card level with its words, pushing the cards above it up", () => {
    const tops = alignCards(
      [
        { wish: 100, height: 100 },
        { wish: 120, height: 100 },
        { wish: 140, height: 50 },
      ],
      1,
    );
    expect(tops[1]).toBe(120);
    expect(tops[0]).toBe(12);
    expect(tops[2]).toBe(228);
  });

  it("never pushes cards above the top of the column", () => {
    const tops = alignCards(
      [
        { wish: 0, height: 100 },
        { wish: 20, height: 50 },
      ],
      1,
    );
    expect(tops[0]).toBe(0);
    expect(tops[1]).toBe(108);
  });
});
