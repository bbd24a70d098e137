// Places cards beside the text: each as near its words as the cards above it allow, and the
// active card always level with its words, as in Docs. To make room for it the cards above are
// pushed up, as far as the top of the column; those that still do not fit above it (the ones
// nearest to it) go right under it, in their order, and the cards after it follow.
// Pure: heights and wished-for tops in, tops out.

export type CardSlot = { wish: number | null; height: number };

const GAP = 8;

/** Each card as near its wish as the cards before it allow, from `bottom` down. */
function stack(cards: CardSlot[], order: number[], tops: number[], from: number): void {
  let bottom = from;
  for (const i of order) {
    tops[i] = Math.max(cards[i].wish ?? bottom, bottom);
    bottom = tops[i] + cards[i].height + GAP;
  }
}

const range = (from: number, to: number) => Array.from({ length: Math.max(0, to - from) }, (_, k) => from + k);

export function alignCards(cards: CardSlot[], activeIndex: number): number[] {
  const tops: number[] = new Array(cards.length).fill(0);
  stack(cards, range(0, cards.length), tops, 0);
  const active = cards[activeIndex];
  if (active?.wish == null || tops[activeIndex] <= active.wish) return tops;

  // Pull the active card up to its words, pushing up as many of the cards above it as fit
  // between the top of the column and its words; the others go right under it, in their order.
  const natural = [...tops];
  let fit = activeIndex;
  for (; fit > 0; fit--) {
    let next = active.wish;
    for (let i = fit - 1; i >= 0; i--) {
      tops[i] = Math.min(natural[i], next - cards[i].height - GAP);
      next = tops[i];
    }
    if (next >= 0) break;
  }
  tops[activeIndex] = active.wish;
  let bottom = active.wish + active.height + GAP;
  for (const i of range(fit, activeIndex)) {
    tops[i] = bottom;
    bottom += cards[i].height + GAP;
  }
  stack(cards, range(activeIndex + 1, cards.length), tops, bottom);
  return tops;
}
