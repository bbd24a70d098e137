// Where a glossary's terms occur in a text: whole words only (a term never matches inside a
// longer word), case-insensitive, each word of the term also matching its plural, possessive and
// simple inflections (word-stem.ts). The words of a term may be separated in the text by spaces,
// line breaks or hyphens, nothing else. Matches do not overlap: at each word the longest term
// wins. Pure, so the editor's underline and the server's report find the very same matches.
import { wordStem } from "./word-stem";

export type GlossaryEntryWords = { id: string; term: string };

export type TermMatch = {
  termId: string;
  /** Offsets in the text, `to` exclusive. */
  from: number;
  to: number;
  /** The words as written in the text. */
  text: string;
};

type Word = { stem: string; from: number; to: number };

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*['’]?/gu;
const BETWEEN_WORDS = /^[\s\-‐‑–]+$/u;

function wordsOf(text: string): Word[] {
  return [...text.matchAll(WORD)].map((found) => ({
    stem: wordStem(found[0]),
    from: found.index,
    to: found.index + found[0].length,
  }));
}

type CompiledTerm = { id: string; stems: string[] };

/** Terms made ready for matching (do it once per glossary, not per keystroke). */
export function compileTerms(entries: readonly GlossaryEntryWords[]): CompiledTerm[] {
  return entries
    .map((entry) => ({ id: entry.id, stems: wordsOf(entry.term).map((word) => word.stem) }))
    .filter((term) => term.stems.length > 0)
    .sort((a, b) => b.stems.length - a.stems.length);
}

function matchesAt(text: string, words: Word[], start: number, term: CompiledTerm): boolean {
  if (start + term.stems.length > words.length) return false;
  return term.stems.every((stem, i) => {
    const word = words[start + i];
    if (word.stem !== stem) return false;
    return i === 0 || BETWEEN_WORDS.test(text.slice(words[start + i - 1].to, word.from));
  });
}

export function matchTerms(text: string, terms: readonly CompiledTerm[]): TermMatch[] {
  const words = wordsOf(text);
  const found: TermMatch[] = [];
  let index = 0;
  while (index < words.length) {
    const term = terms.find((candidate) => matchesAt(text, words, index, candidate));
    if (!term) {
      index += 1;
      continue;
    }
    const from = words[index].from;
    const to = words[index + term.stems.length - 1].to;
    found.push({ termId: term.id, from, to, text: text.slice(from, to) });
    index += term.stems.length;
  }
  return found;
}
