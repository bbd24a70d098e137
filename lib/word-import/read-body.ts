// The paragraphs of word/document.xml, in order, as the import needs them: each paragraph's
// style, outline level and numbering (w:numPr), and its runs of text with their formatting,
// the tracked change they belong to (w:ins / w:del, with w:author and w:date) and the comment
// ranges they lie in (w:commentRangeStart … w:commentRangeEnd, which may span paragraphs).
// Tables, drawings, fields' codes and footnotes are not clause text: tables are counted so the
// preview can say they were left out.
import type { Element } from "@xmldom/xmldom";
import { withoutInvisible } from "@/lib/clause-model/invisible-characters";
import { DOCX_LIMITS } from "./docx-limits";
import { refuseDocx } from "./docx-refusal";
import { numberingOf, outlineLevelOf, type WordNumbering } from "./read-styles";
import { attribute, childElements, isOn, isWord, wordChild } from "./word-xml";

export type TrackedChange = { kind: "insertion" | "deletion"; author: string; date: string | null };

export type WordRun =
  | {
      type: "text";
      text: string;
      bold: boolean;
      italic: boolean;
      underline: boolean;
      change: TrackedChange | null;
      /** Comment ids whose range covers these words. */
      comments: readonly string[];
    }
  | { type: "break"; change: TrackedChange | null };

export type WordParagraph = {
  styleId: string | null;
  outlineLevel: number | null;
  numbering: WordNumbering | null;
  runs: WordRun[];
  /** Comments whose mark (w:commentReference) stands in this paragraph. */
  references: string[];
};

export type WordBody = { paragraphs: WordParagraph[]; tables: number };

type Formatting = { bold: boolean; italic: boolean; underline: boolean };

/** Tabs and line ends typed inside a run (as spaces); other control characters, U+FFFE/U+FFFF, lone surrogates. */
const CONTROL = /\p{Cc}|\p{Cs}|[\uFFFE\uFFFF]/gu;

/**
 * Words as a clause may hold them: without the characters a reader cannot see (which the
 * collaboration server refuses when typed, and a paste drops) or that are no text at all.
 */
function clauseWords(text: string): string {
  return withoutInvisible(text).replace(CONTROL, (char) =>
    char === "\t" || char === "\n" || char === "\r" ? " " : "",
  );
}
type Context = { change: TrackedChange | null };

/** Elements whose content is read as if they were not there (links, content controls, smart tags…). */
const TRANSPARENT = ["hyperlink", "smartTag", "customXml", "fldSimple", "bdo", "dir", "sdtContent", "sdt"];

function changeOf(element: Element, kind: TrackedChange["kind"]): TrackedChange {
  return {
    kind,
    author: attribute(element, "author")?.trim() || "Unknown author",
    date: attribute(element, "date"),
  };
}

function formattingOf(run: Element): Formatting {
  const properties = wordChild(run, "rPr");
  const underline = attribute(wordChild(properties, "u"), "val");
  return {
    bold: isOn(wordChild(properties, "b")),
    italic: isOn(wordChild(properties, "i")),
    underline: wordChild(properties, "u") !== null && underline !== "none",
  };
}

class BodyReader {
  readonly openComments = new Set<string>();
  paragraphs: WordParagraph[] = [];
  tables = 0;
  changes = 0;
  references: string[] = [];

  readBlocks(container: Element): void {
    for (const child of childElements(container)) {
      if (isWord(child, "p")) this.readParagraph(child);
      else if (isWord(child, "tbl")) this.tables++;
      else if (isWord(child, "sdt")) this.readBlocks(wordChild(child, "sdtContent") ?? child);
      else if (isWord(child, "ins") || isWord(child, "del") || isWord(child, "customXml")) this.readBlocks(child);
      else if (isWord(child, "commentRangeStart") || isWord(child, "commentRangeEnd")) this.commentRange(child);
    }
  }

  private commentRange(element: Element): void {
    const id = attribute(element, "id");
    if (id === null) return;
    if (isWord(element, "commentRangeStart")) this.openComments.add(id);
    else this.openComments.delete(id);
  }

  private readParagraph(paragraph: Element): void {
    if (this.paragraphs.length >= DOCX_LIMITS.paragraphs) {
      throw refuseDocx(`This draft has more than ${DOCX_LIMITS.paragraphs} paragraphs; the import takes at most that.`);
    }
    const properties = wordChild(paragraph, "pPr");
    const runs: WordRun[] = [];
    this.references = [];
    this.readInline(paragraph, { change: null }, runs);
    this.paragraphs.push({
      styleId: attribute(wordChild(properties, "pStyle"), "val"),
      outlineLevel: outlineLevelOf(properties),
      numbering: numberingOf(properties),
      runs,
      references: this.references,
    });
  }

  private readInline(container: Element, context: Context, runs: WordRun[]): void {
    for (const child of childElements(container)) {
      if (isWord(child, "r")) this.readRun(child, context, runs);
      else if (isWord(child, "ins") || isWord(child, "moveTo")) {
        this.countChange();
        this.readInline(
          child,
          { change: changeOf(child, "insertion") },
          context.change?.kind === "deletion" ? [] : runs,
        );
      } else if (isWord(child, "del") || isWord(child, "moveFrom")) {
        this.countChange();
        // Words deleted inside another's insertion (or inserted inside another's deletion) are gone
        // whether Word's changes are all accepted or all rejected: never the agreed text. Read
        // aside, their comment ranges and marks still count.
        this.readInline(
          child,
          { change: changeOf(child, "deletion") },
          context.change?.kind === "insertion" ? [] : runs,
        );
      } else if (isWord(child, "commentRangeStart") || isWord(child, "commentRangeEnd")) this.commentRange(child);
      else if (TRANSPARENT.some((name) => isWord(child, name))) this.readInline(child, context, runs);
    }
  }

  private countChange(): void {
    if (++this.changes > DOCX_LIMITS.trackedChanges) {
      throw refuseDocx(
        `This draft holds more than ${DOCX_LIMITS.trackedChanges} tracked changes; the import takes at most that.`,
      );
    }
  }

  private readRun(run: Element, context: Context, runs: WordRun[]): void {
    const formatting = formattingOf(run);
    const push = (text: string) => {
      if (!text) return;
      runs.push({ type: "text", text, ...formatting, change: context.change, comments: [...this.openComments] });
    };
    for (const child of childElements(run)) {
      if (isWord(child, "t") || isWord(child, "delText")) push(clauseWords(child.textContent ?? ""));
      else if (isWord(child, "tab")) push(" ");
      else if (isWord(child, "noBreakHyphen")) push("\u2011");
      else if (isWord(child, "commentReference")) {
        const id = attribute(child, "id");
        if (id !== null) this.references.push(id);
      } else if (isWord(child, "br") || isWord(child, "cr")) {
        // A page or column break is layout, not a line of the clause.
        if (!attribute(child, "type") || attribute(child, "type") === "textWrapping")
          runs.push({ type: "break", change: context.change });
      }
    }
  }
}

export function readBody(document: Element): WordBody {
  const body = wordChild(document, "body");
  if (!body) throw refuseDocx("This Word file has no text (its document part has no body).");
  const reader = new BodyReader();
  reader.readBlocks(body);
  return { paragraphs: reader.paragraphs, tables: reader.tables };
}
