// Places cards beside the text: each as near its words as the cards above it allow,
// with the active card exactly level with its words when there is room to push others up.
// Pure: heights and wished-for tops in, tops out.

export type CardSlot = { wish: number | null; height: number };

const GAP = 8;

export function alignCards(cards: CardSlot[], activeIndex: number): number[] {
  const tops: number[] = [];
  let bottom = 0;
  for (const card of cards) {
    const top = Math.max(card.wish ?? bottom, bottom);
    tops.push(top);
    bottom = top + card.height + GAP;
  }
  const active = cards[activeIndex];
  if (active?.wish == null || tops[activeIndex] <= active.wish) return tops;

  // Pull the active card up to its words, pushing the cards above it up as far as the top.
  tops[activeIndex] = active.wish;
  for (let i = activeIndex - 1; i >= 0; i--) {
    tops[i] = Math.min(tops[i], tops[i + 1] - cards[i].height - GAP);
  }
  const overflow = -Math.min(0, tops[0] ?? 0);
  if (overflow > 0) for (let i = 0; i <= activeIndex; i++) tops[i] += overflow;
  bottom = tops[activeIndex] + active.height + GAP;
  for (let i = activeIndex + 1; i < cards.length; i++) {
    tops[i] = Math.max(cards[i].wish ?? bottom, bottom);
    bottom = tops[i] + cards[i].height + GAP;
  }
  return tops;
}
