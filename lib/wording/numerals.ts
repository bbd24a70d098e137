// Numbers as lists and headings write them: 4 → "iv" (roman), 27 → "aa" (letters). Lower case;
// callers upper-case them for "IV" and "AA". One place for the export's paragraph markers and the
// Word import's reading of Word's numbering.

const ROMAN: [number, string][] = [
  [1000, "m"],
  [900, "cm"],
  [500, "d"],
  [400, "cd"],
  [100, "c"],
  [90, "xc"],
  [50, "l"],
  [40, "xl"],
  [10, "x"],
  [9, "ix"],
  [5, "v"],
  [4, "iv"],
  [1, "i"],
];

/** 1 → "i", 1994 → "mcmxciv" ("" for 0 and below). */
export function romanNumeral(value: number): string {
  let rest = value;
  let out = "";
  for (const [size, numeral] of ROMAN) {
    while (rest >= size) {
      out += numeral;
      rest -= size;
    }
  }
  return out;
}

/** 1 → "a", 26 → "z", 27 → "aa", as lettered lists go on ("" for 0 and below). */
export function letterNumeral(value: number): string {
  let rest = value;
  let out = "";
  while (rest > 0) {
    rest--;
    out = String.fromCharCode(97 + (rest % 26)) + out;
    rest = Math.floor(rest / 26);
  }
  return out;
}
