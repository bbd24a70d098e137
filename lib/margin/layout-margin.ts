// The margin beside the clause text, as in Google Docs: every suggestion and comment card in the
// order of its words — cards on the whole clause first, cards whose words are gone last — then
// placed by alignCards (level with their words, pushed down rather than overlap, the active one
// pulled up to its words). Pure: measured cards in, tops out.
import { alignCards } from "./align-cards";

export type MarginCard = {
  key: string;
  /** "top": about the whole clause; "words": about words in the text; "end": its words are gone. */
  place: "top" | "words" | "end";
  /** Where its words start, from the top of the margin; null when they are not in the text. */
  wish: number | null;
  /** Position of its words in the document, for cards whose words start on the same line. */
  rank: number;
  height: number;
};

export type MarginLayout = { tops: Map<string, number>; height: number };

const GROUP = { top: 0, words: 1, end: 2 } as const;

export function layoutMargin(cards: readonly MarginCard[], activeKey: string | null): MarginLayout {
  const ordered = cards
    .map((card, index) => {
      // Words not (or no longer) in the text: with the cards whose words are gone.
      const place = card.place === "words" && card.wish === null ? "end" : card.place;
      return { card, index, group: GROUP[place], wish: place === "words" ? card.wish : null };
    })
    .sort(
      (a, b) =>
        a.group - b.group ||
        (a.group === GROUP.words ? (a.wish as number) - (b.wish as number) || a.card.rank - b.card.rank : 0) ||
        a.index - b.index,
    );
  const tops = alignCards(
    ordered.map(({ card, wish }) => ({ wish, height: card.height })),
    ordered.findIndex(({ card }) => card.key === activeKey),
  );
  const placed = new Map<string, number>();
  let height = 0;
  ordered.forEach(({ card }, i) => {
    placed.set(card.key, tops[i]);
    height = Math.max(height, tops[i] + card.height);
  });
  return { tops: placed, height };
}
