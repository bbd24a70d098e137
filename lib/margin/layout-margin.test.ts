import { describe, expect, it } from "vitest";
import { seededRandom } from "@/lib/clause-model/test-support/random-clause";
import { layoutMargin, type MarginCard } from "./layout-margin";

const GAP = 8;

function card(key: string, wish: number | null, height: number, place: MarginCard["place"] = "words", rank = 0) {
  return { key, wish, height, place, rank };
}

/** The cards in the order they are stacked, top to bottom. */
function stacked(cards: MarginCard[], tops: Map<string, number>) {
  return [...cards].sort((a, b) => (tops.get(a.key) as number) - (tops.get(b.key) as number));
}

describe("the margin beside the clause text", () => {
  it("puts every card level with its words when they are far enough apart", () => {
    const { tops, height } = layoutMargin([card("p1", 40, 100), card("t1", 300, 80), card("p2", 600, 60)], null);
    expect(Object.fromEntries(tops)).toEqual({ p1: 40, t1: 300, p2: 600 });
    expect(height).toBe(660);
  });

  it("orders cards by where their words are, whatever order they come in", () => {
    const { tops } = layoutMargin([card("late", 500, 50), card("early", 100, 50)], null);
    expect(tops.get("early")).toBe(100);
    expect(tops.get("late")).toBe(500);
  });

  it("pushes a card down below the one above it rather than overlap", () => {
    const { tops } = layoutMargin([card("a", 100, 120), card("b", 130, 50), card("c", 140, 50)], null);
    expect(tops.get("a")).toBe(100);
    expect(tops.get("b")).toBe(100 + 120 + GAP);
    expect(tops.get("c")).toBe(100 + 120 + GAP + 50 + GAP);
  });

  it("keeps the cards on the whole clause at the top and those whose words are gone at the end", () => {
    const { tops } = layoutMargin(
      [
        card("gone", null, 40, "end"),
        card("words", 10, 40),
        card("clause", null, 30, "top"),
        card("missing", null, 20),
      ],
      null,
    );
    expect(tops.get("clause")).toBe(0);
    expect(tops.get("words")).toBe(30 + GAP);
    expect(tops.get("gone")).toBe(30 + GAP + 40 + GAP);
    expect(tops.get("missing")).toBe(30 + GAP + 40 + GAP + 40 + GAP);
  });

  it("puts a suggestion and the discussion on its words one under the other, in the order given", () => {
    const { tops } = layoutMargin(
      [card("proposal", 200, 90, "words", 12), card("its-thread", 200, 60, "words", 12)],
      null,
    );
    expect(tops.get("proposal")).toBe(200);
    expect(tops.get("its-thread")).toBe(200 + 90 + GAP);
  });

  it("pulls the active card up to its words, pushing the cards above it up", () => {
    const cards = [card("a", 100, 100), card("b", 120, 100), card("c", 140, 50)];
    expect(layoutMargin(cards, null).tops.get("b")).toBe(208);
    const { tops } = layoutMargin(cards, "b");
    expect(tops.get("b")).toBe(120);
    expect(tops.get("a")).toBe(120 - GAP - 100);
    expect(tops.get("c")).toBe(120 + 100 + GAP);
  });

  it("over many random margins: no two cards overlap, the active one is level with its words, and each other is level with its words unless the card above pushed it", () => {
    const random = seededRandom(20261201);
    for (let round = 0; round < 500; round++) {
      const count = 1 + Math.floor(random() * 25);
      const cards: MarginCard[] = Array.from({ length: count }, (_, i) => {
        const roll = random();
        const place = roll < 0.08 ? "top" : roll < 0.15 ? "end" : "words";
        return card(
          `c${i}`,
          place === "words" ? Math.round(random() * 2000) : null,
          20 + Math.round(random() * 200),
          place,
          i,
        );
      });
      const active = random() < 0.5 ? cards[Math.floor(random() * count)] : null;
      const { tops, height } = layoutMargin(cards, active?.key ?? null);
      const order = stacked(cards, tops);
      order.forEach((c, i) => {
        const top = tops.get(c.key) as number;
        expect(top).toBeGreaterThanOrEqual(0);
        expect(top + c.height).toBeLessThanOrEqual(height);
        if (i === 0) return;
        const above = order[i - 1];
        const bottomAbove = (tops.get(above.key) as number) + above.height;
        expect(top).toBeGreaterThanOrEqual(bottomAbove + GAP);
        // Without an active card pulled up, a card is never above its words, and below them
        // only as far as the card above pushed it.
        if (active === null && c.wish !== null) {
          expect(top).toBeGreaterThanOrEqual(c.wish);
          if (top > c.wish) expect(top).toBe(bottomAbove + GAP);
        }
      });
      // The active card is level with its words, however many cards are about the words above.
      if (active?.wish != null && active.place === "words") expect(tops.get(active.key)).toBe(active.wish);
    }
  });
});
