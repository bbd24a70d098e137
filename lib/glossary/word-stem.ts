// When two words are "the same word" for the terminology guard: one word's plural, possessive or
// simple inflection matches the other. The rule, applied to both the glossary's word and the
// text's word, lower-cased:
// 1. a possessive ending goes ("child's", "children's", "states'");
// 2. a few irregular plurals are made singular (children, women, men, people);
// 3. a plural ending goes: "-ies" becomes "-y", "-es" after s/sh/ch/x/z goes, a final "-s" goes
//    (not after another s, nor in "-us"/"-is");
// 4. one simple ending goes: "-ical", "-ic", "-ing", "-ed", "-y" or "-e" — so "pornography",
//    "pornographic" and "pornographies" share a stem, as do "share", "shared" and "sharing".
// An ending is only taken off when at least three letters remain, so short words stay whole.
// It is deliberately small: no dictionary, predictable, and wrong only towards matching a
// little more (a reader sees the underline and the card, and decides).

const IRREGULAR: Record<string, string> = {
  children: "child",
  women: "woman",
  men: "man",
  people: "person",
};

const MIN_STEM = 3;

function without(word: string, ending: string, replacement = ""): string | null {
  if (!word.endsWith(ending)) return null;
  const stem = word.slice(0, word.length - ending.length);
  return stem.length >= MIN_STEM ? stem + replacement : null;
}

function singular(word: string): string {
  if (IRREGULAR[word]) return IRREGULAR[word];
  const ies = without(word, "ies", "y");
  if (ies) return ies;
  for (const ending of ["sses", "shes", "ches", "xes", "zes"]) {
    const stem = without(word, ending, ending.slice(0, -2));
    if (stem) return stem;
  }
  if (/(ss|us|is)$/.test(word)) return word;
  return without(word, "s") ?? word;
}

function withoutEnding(word: string): string {
  for (const ending of ["ical", "ic", "ing", "ed", "y", "e"]) {
    const stem = without(word, ending);
    if (stem) return stem;
  }
  return word;
}

export function wordStem(word: string): string {
  let lower = word.toLowerCase().replace(/’/g, "'");
  lower = lower.replace(/'s$/, "").replace(/'$/, "");
  return withoutEnding(singular(lower));
}
