// A small seeded random source (mulberry32), so a failing fuzz case can be replayed exactly
// from its seed.
export type Random = {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, n). */
  below(n: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
  words(n: number): string;
};

const VOCABULARY = [
  "States",
  "Parties",
  "shall",
  "may",
  "victims",
  "witnesses",
  "gender",
  "child",
  "material",
  "protection",
  "due",
  "process",
  "national",
  "security",
  "appropriate",
  "measures",
];

export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const below = (n: number) => Math.floor(next() * n);
  return {
    next,
    below,
    pick: (items) => items[below(items.length)],
    chance: (p) => next() < p,
    words: (n) => Array.from({ length: n }, () => VOCABULARY[below(VOCABULARY.length)]).join(" "),
  };
}
