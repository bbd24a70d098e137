// Numbered paragraphs as real Word numbering: one numbering definition per kind of list the
// clause model knows ("1" 1., 2.; "a" (a), (b); "A"; "i" (i), (ii); "I"; bullets), every level of
// it in that kind, indented by level. Each list of a clause is its own instance, so it counts
// from its own start; a list starting elsewhere than 1 gets a definition starting there.
import { type ILevelsOptions, LevelFormat, type NumberingDefinition } from "docx";
import type { ListNumbering } from "@/lib/clause-model/clause-model";

type Kind = ListNumbering | "bullet";

const FORMAT: Record<Kind, { format: ILevelsOptions["format"]; text: (level: number) => string }> = {
  "1": { format: LevelFormat.DECIMAL, text: (level) => `%${level + 1}.` },
  a: { format: LevelFormat.LOWER_LETTER, text: (level) => `(%${level + 1})` },
  A: { format: LevelFormat.UPPER_LETTER, text: (level) => `(%${level + 1})` },
  i: { format: LevelFormat.LOWER_ROMAN, text: (level) => `(%${level + 1})` },
  I: { format: LevelFormat.UPPER_ROMAN, text: (level) => `(%${level + 1})` },
  bullet: { format: LevelFormat.BULLET, text: () => "•" },
};

/** Twips: each level indented by half an inch, its number hanging in the margin before the words. */
export const LEVEL_INDENT = 720;

function definition(kind: Kind, start: number): NumberingDefinition {
  return {
    reference: referenceName(kind, start),
    levels: Array.from({ length: 9 }, (_, level) => ({
      level,
      format: FORMAT[kind].format,
      text: FORMAT[kind].text(level),
      start,
      style: { paragraph: { indent: { left: LEVEL_INDENT * (level + 1), hanging: LEVEL_INDENT } } },
    })),
  };
}

function referenceName(kind: Kind, start: number): string {
  return start === 1 ? `list-${kind}` : `list-${kind}-from-${start}`;
}

/** The definitions every export carries (lists starting at 1). */
export function numberingConfig(): NumberingDefinition[] {
  return (Object.keys(FORMAT) as Kind[]).map((kind) => definition(kind, 1));
}

/** The numbering of a list: its reference (a definition of its own when it starts elsewhere than 1). */
export function listReference(kind: ListNumbering | null | "bullet", start = 1): string | NumberingDefinition {
  const k: Kind = kind ?? "1";
  return start === 1 || k === "bullet" ? referenceName(k, 1) : definition(k, start);
}
