// What each numbered paragraph's number looks like, from word/numbering.xml: a paragraph names
// a numbering instance (numId) and a level (ilvl); the instance points to an abstract
// definition whose level gives the format (decimal, lowerLetter, lowerRoman, bullet…) and the
// start, which the instance may override.
import type { Element } from "@xmldom/xmldom";
import { attribute, wordChild, wordChildren } from "./word-xml";

/** Word's number formats the clause schema can keep; any other numbering reads as 1, 2, 3. */
export type NumberFormat = "decimal" | "lowerLetter" | "upperLetter" | "lowerRoman" | "upperRoman" | "bullet";
export type LevelFormat = { format: NumberFormat; start: number };

const KNOWN: readonly NumberFormat[] = ["decimal", "lowerLetter", "upperLetter", "lowerRoman", "upperRoman", "bullet"];

export type Numbering = (numId: string, level: number) => LevelFormat | null;

function startOf(element: Element | null): number | null {
  const value = Number(attribute(wordChild(element, "start") ?? wordChild(element, "startOverride"), "val"));
  return Number.isInteger(value) && value >= 0 ? value : null;
}

function levelsOf(definition: Element): Map<number, LevelFormat> {
  const levels = new Map<number, LevelFormat>();
  for (const level of wordChildren(definition, "lvl")) {
    const ilvl = Number(attribute(level, "ilvl"));
    const format = attribute(wordChild(level, "numFmt"), "val") ?? "decimal";
    levels.set(ilvl, {
      format:
        format === "none" ? "bullet" : KNOWN.includes(format as NumberFormat) ? (format as NumberFormat) : "decimal",
      start: startOf(level) ?? 1,
    });
  }
  return levels;
}

export function readNumbering(root: Element | null): Numbering {
  const abstract = new Map<string, Map<number, LevelFormat>>();
  for (const definition of wordChildren(root, "abstractNum")) {
    const id = attribute(definition, "abstractNumId");
    if (id !== null) abstract.set(id, levelsOf(definition));
  }
  const instances = new Map<string, Map<number, LevelFormat>>();
  for (const num of wordChildren(root, "num")) {
    const numId = attribute(num, "numId");
    const base = abstract.get(attribute(wordChild(num, "abstractNumId"), "val") ?? "");
    if (numId === null || !base) continue;
    const levels = new Map(base);
    for (const override of wordChildren(num, "lvlOverride")) {
      const ilvl = Number(attribute(override, "ilvl"));
      const replaced = wordChild(override, "lvl");
      const current = replaced ? levelsOf(override).get(ilvl) : levels.get(ilvl);
      const start = startOf(override);
      if (current) levels.set(ilvl, start === null ? current : { ...current, start });
    }
    instances.set(numId, levels);
  }
  return (numId, level) => instances.get(numId)?.get(level) ?? null;
}
