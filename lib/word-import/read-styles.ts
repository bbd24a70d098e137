// Which paragraph styles are headings, from word/styles.xml: a style named "heading 1" / "heading 2"
// (Word's built-in names, whatever the style's id or the language of the user interface), or one
// with an outline level — following `basedOn` for styles derived from them. A style may also carry
// numbering (a numbered "Paragraph" style), which its paragraphs then have.
import type { Element } from "@xmldom/xmldom";
import { attribute, wordChild, wordChildren } from "./word-xml";

export type WordNumbering = { numId: string; level: number };
export type StyleFacts = { outlineLevel: number | null; numbering: WordNumbering | null };
export type Styles = Map<string, StyleFacts>;

/** Outline level 0 for "heading 1", 1 for "heading 2"…, from a style's name. */
function levelOfName(name: string | null): number | null {
  const match = /^heading\s*([1-9])$/i.exec(name?.trim() ?? "");
  return match ? Number(match[1]) - 1 : null;
}

export function numberingOf(properties: Element | null): WordNumbering | null {
  const numPr = wordChild(properties, "numPr");
  if (!numPr) return null;
  const numId = attribute(wordChild(numPr, "numId"), "val");
  const level = Number(attribute(wordChild(numPr, "ilvl"), "val") ?? 0);
  // numId 0 means "no numbering" (it switches off a style's numbering).
  return numId === null ? null : { numId, level: Number.isInteger(level) && level >= 0 && level < 9 ? level : 0 };
}

export function outlineLevelOf(properties: Element | null): number | null {
  const value = attribute(wordChild(properties, "outlineLvl"), "val");
  if (value === null) return null;
  const level = Number(value);
  // Level 9 is "body text".
  return Number.isInteger(level) && level >= 0 && level < 9 ? level : null;
}

export function readStyles(root: Element | null): Styles {
  const raw = new Map<
    string,
    { basedOn: string | null; outlineLevel: number | null; numbering: WordNumbering | null }
  >();
  for (const style of wordChildren(root, "style")) {
    if (attribute(style, "type") !== "paragraph") continue;
    const id = attribute(style, "styleId");
    if (!id) continue;
    const properties = wordChild(style, "pPr");
    raw.set(id, {
      basedOn: attribute(wordChild(style, "basedOn"), "val"),
      outlineLevel: outlineLevelOf(properties) ?? levelOfName(attribute(wordChild(style, "name"), "val")),
      numbering: numberingOf(properties),
    });
  }
  const styles: Styles = new Map();
  for (const id of raw.keys()) {
    let outlineLevel: number | null = null;
    let numbering: WordNumbering | null = null;
    const seen = new Set<string>();
    // Up the chain of `basedOn`, nearest first; a loop in a damaged file ends it.
    for (let at: string | null = id; at && !seen.has(at); at = raw.get(at)?.basedOn ?? null) {
      seen.add(at);
      const facts = raw.get(at);
      outlineLevel ??= facts?.outlineLevel ?? null;
      numbering ??= facts?.numbering ?? null;
    }
    styles.set(id, { outlineLevel, numbering });
  }
  return styles;
}

/** Built-in heading style ids, for a file without styles.xml (Word always writes one). */
export function levelOfStyleId(styleId: string): number | null {
  return levelOfName(styleId.replace(/^Heading/i, "heading "));
}
