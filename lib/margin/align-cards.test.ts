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

  it("never pushes cards above the top of the column: one that cannot fit above the active card goes under it", () => {
    const tops = alignCards(
      [
        { wish: 0, height: 100 },
        { wish: 20, height: 50 },
      ],
      1,
    );
    expect(tops[1]).toBe(20);
    expect(tops[0]).toBe(20 + 50 + 8);
  });

  it("keeps level with its words an active card under a crowd: those that fit stay above, the rest follow it", () => {
    // Four threads on the first lines, one lower down; the fourth is made active.
    const cards = [
      { wish: 10, height: 60 },
      { wish: 20, height: 60 },
      { wish: 30, height: 60 },
      { wish: 40, height: 60 },
      { wish: 400, height: 60 },
    ];
    expect(alignCards(cards, -1)).toEqual([10, 78, 146, 214, 400]);
    const tops = alignCards(cards, 3);
    expect(tops[3]).toBe(40);
    // None fits in the 40 px above its words: all three follow it, in their order.
    expect(tops.slice(0, 3)).toEqual([108, 176, 244]);
    expect(tops[4]).toBe(400);
  });

  it("keeps the cards above that fit where they stand", () => {
    const tops = alignCards(
      [
        { wish: 0, height: 40 },
        { wish: 100, height: 80 },
        { wish: 110, height: 80 },
        { wish: 120, height: 30 },
      ],
      3,
    );
    expect(tops).toEqual([0, 158, 246, 120]);
  });

  it("pushes up a card above when that makes it fit, and only the one that cannot follows", () => {
    const tops = alignCards(
      [
        { wish: 0, height: 40 },
        { wish: 100, height: 60 },
        { wish: 110, height: 200 },
        { wish: 120, height: 30 },
      ],
      3,
    );
    expect(tops).toEqual([0, 52, 158, 120]);
  });
});
