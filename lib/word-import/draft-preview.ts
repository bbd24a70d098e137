// What the secretariat sees before importing: the chapters and articles found, each paragraph's
// number as Word shows it and its first words, the tracked changes and comments by Word author,
// and what was left out. Plain data, sent to the page as JSON.
import { DOCX_LIMITS } from "./docx-limits";
import { refuseDocx } from "./docx-refusal";
import { changesIn, type DraftChange } from "./draft-changes";
import { draftThreads } from "./draft-threads";
import { numberLabel } from "./number-format";
import type { ArticleStatus, DraftArticle, DraftParagraph } from "./outline-draft";
import { currentText } from "./outline-draft";
import type { WordDraft } from "./read-docx";

export type PreviewParagraph = {
  label: string | null;
  level: number;
  firstWords: string;
  status: DraftParagraph["status"];
};
export type PreviewArticle = { number: string; title: string; status: ArticleStatus; paragraphs: PreviewParagraph[] };
export type PreviewChapter = { number: string; title: string; added: boolean; articles: PreviewArticle[] };
export type PreviewChange = Omit<DraftChange, "date"> & { date: string | null; article: string };
export type PreviewComment = { author: string; date: string | null; text: string };
export type PreviewThread = PreviewComment & {
  article: string;
  quote: string;
  resolved: boolean;
  replies: PreviewComment[];
};
export type PreviewAuthor = { name: string; changes: number; comments: number };

export type WordImportPreview = {
  chapters: PreviewChapter[];
  changes: PreviewChange[];
  threads: PreviewThread[];
  /** Every Word author of a change or a comment, to be mapped to a delegation. */
  authors: PreviewAuthor[];
  leftOut: { paragraphs: number; tables: number; comments: number };
};

const FIRST_WORDS = 12;
/** Word numbers lists on nine levels. */
const WORD_LEVELS = 9;

/** Each paragraph's number, counting per numbering and level as Word does (a higher level restarts lower ones). */
export function paragraphNumbers(
  paragraphs: readonly DraftParagraph[],
  counters: Map<string, number>,
): (number | null)[] {
  return paragraphs.map((paragraph) => {
    const numbering = paragraph.numbering;
    if (!numbering) return null;
    const key = `${numbering.numId}:${numbering.level}`;
    const value = counters.has(key) ? (counters.get(key) as number) + 1 : numbering.start;
    counters.set(key, value);
    // Word's levels are 0 to 8 (read-styles.ts): the lower ones of this list, not every list seen.
    for (let level = numbering.level + 1; level < WORD_LEVELS; level++) counters.delete(`${numbering.numId}:${level}`);
    return value;
  });
}

function firstWords(paragraph: DraftParagraph): string {
  const words = currentText(paragraph).split(" ").filter(Boolean);
  return words.length > FIRST_WORDS ? `${words.slice(0, FIRST_WORDS).join(" ")} …` : words.join(" ");
}

const articleName = (article: DraftArticle) => `Article ${article.number}`;

export function previewDraft(draft: WordDraft): WordImportPreview {
  const counters = new Map<string, number>();
  const chapters = draft.chapters.map((chapter) => ({
    number: chapter.number,
    title: chapter.title,
    added: chapter.added,
    articles: chapter.articles.map((article) => {
      const numbers = paragraphNumbers(article.paragraphs, counters);
      return {
        number: article.number,
        title: article.title,
        status: article.status,
        paragraphs: article.paragraphs.map((paragraph, index) => ({
          status: paragraph.status,
          label: paragraph.numbering ? numberLabel(paragraph.numbering.format, numbers[index] ?? 1) : null,
          level: paragraph.numbering?.level ?? 0,
          firstWords: firstWords(paragraph),
        })),
      };
    }),
  }));
  const articles = draft.chapters.flatMap((chapter) => chapter.articles);
  const changes = articles.flatMap((article) =>
    changesIn(article).map((change) => ({ ...change, article: articleName(article) })),
  );
  const { threads, leftOut } = draftThreads(draft, draft.comments);
  const authors = new Map<string, PreviewAuthor>();
  const author = (name: string) => {
    const found = authors.get(name) ?? { name, changes: 0, comments: 0 };
    authors.set(name, found);
    return found;
  };
  for (const change of changes) author(change.author).changes++;
  for (const thread of threads)
    for (const comment of [thread.start, ...thread.replies]) author(comment.author).comments++;
  if (authors.size > DOCX_LIMITS.authors) {
    throw refuseDocx(
      `This draft has ${authors.size} authors of changes and comments; the import maps at most ${DOCX_LIMITS.authors}.`,
    );
  }
  const view = (comment: { author: string; date: string | null; text: string }) => ({
    author: comment.author,
    date: comment.date,
    text: comment.text,
  });
  return {
    chapters,
    changes,
    threads: threads.map((thread) => ({
      ...view(thread.start),
      article: articleName(thread.article),
      quote: thread.quote,
      resolved: thread.resolved,
      replies: thread.replies.map(view),
    })),
    authors: [...authors.values()].sort((a, b) => a.name.localeCompare(b.name)),
    leftOut: { paragraphs: draft.leftOut, tables: draft.tables, comments: leftOut },
  };
}
