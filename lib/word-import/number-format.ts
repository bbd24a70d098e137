// Numbers as Word writes them in a numbering format: 4 → "4", "iv", "IV", "d", "D" — for
// headings numbered by Word ("Article %1") and for the preview's paragraph labels.
import type { NumberFormat } from "./read-numbering";

const ROMAN: [number, string][] = [
  [1000, "M"],
  [900, "CM"],
  [500, "D"],
  [400, "CD"],
  [100, "C"],
  [90, "XC"],
  [50, "L"],
  [40, "XL"],
  [10, "X"],
  [9, "IX"],
  [5, "V"],
  [4, "IV"],
  [1, "I"],
];

export function roman(value: number): string {
  let rest = value;
  let out = "";
  for (const [size, letters] of ROMAN) {
    while (rest >= size) {
      out += letters;
      rest -= size;
    }
  }
  return out;
}

function letters(value: number): string {
  let rest = value;
  let out = "";
  while (rest > 0) {
    rest--;
    out = String.fromCharCode(97 + (rest % 26)) + out;
    rest = Math.floor(rest / 26);
  }
  return out;
}

/** The number itself, in the format ("" for bullets). */
export function formatNumber(format: NumberFormat, value: number): string {
  switch (format) {
    case "bullet":
      return "";
    case "lowerLetter":
      return letters(value);
    case "upperLetter":
      return letters(value).toUpperCase();
    case "lowerRoman":
      return roman(value).toLowerCase();
    case "upperRoman":
      return roman(value);
    default:
      return String(value);
  }
}

/** The number as a reader sees it before a paragraph: "1.", "(a)", "(i)", "A.", "I.", "•". */
export function numberLabel(format: NumberFormat, value: number): string {
  if (format === "bullet") return "•";
  const number = formatNumber(format, value);
  return format === "lowerLetter" || format === "lowerRoman" ? `(${number})` : `${number}.`;
}
