// Finds the instrument's structure in a Word draft's paragraphs: chapters and articles, from
// heading styles (Heading 1 / Heading 2, or an outline level) and from their words ("Chapter II.
// Criminalization", "Article 14 — Victims"), which decide when they say which one it is. What
// follows an article's heading, up to the next heading, is its text; numbered paragraphs keep
// their level and Word's numbering format.

import { romanNumeral } from "@/lib/wording/numerals";
import { formatNumber } from "./number-format";
import type { WordParagraph, WordRun } from "./read-body";
import type { NumberFormat, Numbering } from "./read-numbering";
import { levelOfStyleId, type Styles } from "./read-styles";

export type DraftParagraph = {
  /** Null for a paragraph without Word numbering. */
  numbering: { format: NumberFormat; level: number; numId: string; start: number } | null;
  runs: WordRun[];
  /** A numbered paragraph's status, from its "[agreed ad ref]" / "[agreed]" tag (as the exports print it). */
  status: "AGREED_AD_REF" | "AGREED" | null;
};

export type ArticleStatus = "OPEN" | "AGREED_AD_REF" | "AGREED";
export type DraftArticle = {
  number: string;
  title: string;
  /** From a "Status: Agreed ad referendum" line under the heading (as the Word export writes it). */
  status: ArticleStatus;
  paragraphs: DraftParagraph[];
  /** Comments made on the article's heading or with no words of their own in it: on the whole clause. */
  onWholeArticle: Set<string>;
};
export type DraftChapter = {
  number: string;
  title: string;
  /** The draft has articles but no chapter headings: the import adds this one chapter for them. */
  added: boolean;
  articles: DraftArticle[];
};
export type DraftOutline = {
  chapters: DraftChapter[];
  /** Paragraphs with words that belong to no article (a title page, a preamble, a chapter's introduction). */
  leftOut: number;
};

const CHAPTER = /^(?:chapter|part)\s+([0-9IVXLCDM]+[A-Za-z]?)\b\s*(.*)$/i;
const ARTICLE = /^article\s+([0-9]+[A-Za-z]*(?:\s*(?:bis|ter|quater))?|[IVXLCDM]+)\b\s*(.*)$/i;
const STATUS_TAG = /\s*\[(?:open|agreed ad ref(?:erendum)?|agreed)\]\s*$/i;
const SEPARATOR = /^[.:\u2013\u2014-]\s*/;
const STATUS_LINE: Record<string, ArticleStatus> = {
  "status: open": "OPEN",
  "status: agreed ad referendum": "AGREED_AD_REF",
  "status: agreed": "AGREED",
};
const PARAGRAPH_TAG = /\s*\[(agreed ad ref|agreed)\]\s*$/;

/** The paragraph's words as it reads with its tracked changes accepted (for headings). */
export function currentText(paragraph: { runs: WordRun[] }): string {
  return paragraph.runs
    .map((run) => (run.type === "text" && run.change?.kind !== "deletion" ? run.text : run.type === "break" ? " " : ""))
    .join("")
    .replace(/\s+/g, " ")
    .trim();
}

type Heading = { kind: "chapter" | "article"; number: string | null; title: string };

function headingLevel(paragraph: WordParagraph, styles: Styles): number | null {
  if (paragraph.outlineLevel !== null) return paragraph.outlineLevel;
  if (!paragraph.styleId) return null;
  return styles.get(paragraph.styleId)?.outlineLevel ?? levelOfStyleId(paragraph.styleId);
}

/** "Article 14. Victims" → 14, "Victims"; a title only after a separator or a space. */
function split(match: RegExpExecArray): { number: string; title: string } {
  return { number: match[1].replace(/\s+/g, " "), title: match[2].replace(SEPARATOR, "").trim() };
}

function headingOf(paragraph: WordParagraph, styles: Styles): Heading | null {
  const text = currentText(paragraph).replace(STATUS_TAG, "");
  if (!text) return null;
  const level = headingLevel(paragraph, styles);
  const isHeading = level === 0 || level === 1;
  // Words decide only on a heading, or on a short line of its own outside a numbered list
  // ("Article 5" over its title), never on a sentence that starts "Article 5 of the Convention…".
  const standsAlone = !paragraph.numbering && text.length <= 200;
  const chapter = CHAPTER.exec(text);
  const article = ARTICLE.exec(text);
  if (chapter && (isHeading || (standsAlone && (SEPARATOR.test(chapter[2]) || !chapter[2]))))
    return { kind: "chapter", ...split(chapter) };
  if (article && (isHeading || (standsAlone && (SEPARATOR.test(article[2]) || !article[2]))))
    return { kind: "article", ...split(article) };
  if (level === 0) return { kind: "chapter", number: null, title: text };
  if (level === 1) return { kind: "article", number: null, title: text };
  return null;
}

/** Every comment the paragraph's words lie in or whose mark stands in it. */
function commentsOn(paragraph: WordParagraph): string[] {
  const ids = paragraph.runs.flatMap((run) => (run.type === "text" ? run.comments : []));
  return [...new Set([...ids, ...paragraph.references])];
}

/** The runs without a trailing status tag in unchanged words, and the status it named. */
function withoutTag(runs: WordRun[]): { runs: WordRun[]; status: DraftParagraph["status"] } {
  let tail = "";
  for (let from = runs.length - 1; from >= 0; from--) {
    const run = runs[from];
    if (run.type !== "text" || run.change) break;
    tail = run.text + tail;
    const match = PARAGRAPH_TAG.exec(tail);
    if (!match) continue;
    // Cut the tag's characters off the end, run by run.
    let cut = tail.length - match.index;
    const kept = [...runs];
    while (cut > 0) {
      const last = kept.pop() as Extract<WordRun, { type: "text" }>;
      if (last.text.length > cut) kept.push({ ...last, text: last.text.slice(0, last.text.length - cut) });
      cut -= Math.min(cut, last.text.length);
    }
    return { runs: kept, status: match[1] === "agreed" ? "AGREED" : "AGREED_AD_REF" };
  }
  return { runs, status: null };
}

function paragraphOf(paragraph: WordParagraph, styles: Styles, numbering: Numbering): DraftParagraph {
  const own = paragraph.numbering ?? (paragraph.styleId ? (styles.get(paragraph.styleId)?.numbering ?? null) : null);
  const format = own && own.numId !== "0" ? numbering(own.numId, own.level) : null;
  const numbered =
    own && format && format.format !== "bullet" ? { ...format, level: own.level, numId: own.numId } : null;
  const tagged = numbered ? withoutTag(paragraph.runs) : { runs: paragraph.runs, status: null };
  return {
    numbering: own && format ? { ...format, level: own.level, numId: own.numId } : null,
    ...tagged,
  };
}

/**
 * The number Word gives a heading through its numbering ("Article %1" on the Heading 2 style),
 * counted per numbering and level as Word counts; null for a heading without numbering.
 */
function numberedHeading(
  paragraph: WordParagraph,
  styles: Styles,
  numbering: Numbering,
  counters: Map<string, number>,
): string | null {
  const own = paragraph.numbering ?? (paragraph.styleId ? (styles.get(paragraph.styleId)?.numbering ?? null) : null);
  const format = own && own.numId !== "0" ? numbering(own.numId, own.level) : null;
  if (!own || !format || format.format === "bullet") return null;
  const key = `${own.numId}:${own.level}`;
  const value = counters.has(key) ? (counters.get(key) as number) + 1 : format.start;
  counters.set(key, value);
  return formatNumber(format.format, value);
}

/** The outline, or null chapters when the draft has no article at all. `title`: for an added chapter. */
export function outlineDraft(
  paragraphs: WordParagraph[],
  styles: Styles,
  numbering: Numbering,
  title: string,
): DraftOutline {
  const chapters: DraftChapter[] = [];
  let article: DraftArticle | null = null;
  let leftOut = 0;
  let articles = 0;
  // An article's title may stand on the line under "Article 5".
  let awaitingTitle: DraftArticle | DraftChapter | null = null;
  const headingCounters = new Map<string, number>();
  for (const paragraph of paragraphs) {
    const heading = headingOf(paragraph, styles);
    if (heading) heading.number ??= numberedHeading(paragraph, styles, numbering, headingCounters);
    const text = currentText(paragraph);
    if (!heading && awaitingTitle && text && !paragraph.numbering && text.length <= 200) {
      awaitingTitle.title = text;
      if (article === awaitingTitle) for (const id of commentsOn(paragraph)) article.onWholeArticle.add(id);
      awaitingTitle = null;
      continue;
    }
    awaitingTitle = null;
    if (heading?.kind === "chapter") {
      const number = heading.number ?? romanNumeral(chapters.filter((c) => !c.added).length + 1).toUpperCase();
      const chapter: DraftChapter = { number, title: heading.title, added: false, articles: [] };
      chapters.push(chapter);
      article = null;
      if (!heading.title) awaitingTitle = chapter;
    } else if (heading?.kind === "article") {
      articles++;
      if (chapters.length === 0) chapters.push({ number: "I", title, added: true, articles: [] });
      article = {
        number: heading.number ?? String(articles),
        title: heading.title,
        status: "OPEN",
        paragraphs: [],
        onWholeArticle: new Set(commentsOn(paragraph)),
      };
      chapters[chapters.length - 1].articles.push(article);
      if (!heading.title) awaitingTitle = article;
    } else if (article && article.paragraphs.length === 0 && STATUS_LINE[text.toLowerCase()]) {
      article.status = STATUS_LINE[text.toLowerCase()];
    } else if (article) {
      for (const id of paragraph.references) article.onWholeArticle.add(id);
      if (paragraph.runs.length > 0) article.paragraphs.push(paragraphOf(paragraph, styles, numbering));
    } else if (text) {
      leftOut++;
    }
  }
  // A heading never given a title is titled by its number.
  for (const chapter of chapters) {
    chapter.title ||= `Chapter ${chapter.number}`;
    for (const each of chapter.articles) each.title ||= `Article ${each.number}`;
  }
  return { chapters, leftOut };
}
