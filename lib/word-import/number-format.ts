// Numbers as Word writes them in a numbering format: 4 → "4", "iv", "IV", "d", "D" — for
// headings numbered by Word ("Article %1") and for the preview's paragraph labels.
import { letterNumeral, romanNumeral } from "@/lib/wording/numerals";
import type { NumberFormat } from "./read-numbering";

/** The number itself, in the format ("" for bullets). */
export function formatNumber(format: NumberFormat, value: number): string {
  switch (format) {
    case "bullet":
      return "";
    case "lowerLetter":
      return letterNumeral(value);
    case "upperLetter":
      return letterNumeral(value).toUpperCase();
    case "lowerRoman":
      return romanNumeral(value);
    case "upperRoman":
      return romanNumeral(value).toUpperCase();
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
