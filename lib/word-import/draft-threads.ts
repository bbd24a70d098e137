// Word's comments as Clausework's threads: a comment that replies to none starts a thread, on
// the words its range covers in an article (or on the whole article when it sits on the heading
// or covers no words); its replies — and replies to replies — follow in order of their date. A
// comment outside every article (on a title page) is left out, and the preview says so.
import type { DraftArticle, DraftOutline } from "./outline-draft";
import type { WordComment } from "./read-comments";

export type DraftThread = {
  /** The Word comment that starts it (its w:id). */
  commentId: string;
  start: WordComment;
  replies: WordComment[];
  resolved: boolean;
  article: DraftArticle;
  /** On words of the article (their range), or on the whole article. */
  onWords: boolean;
  /** The words it was made on (empty on the whole article). */
  quote: string;
};

function quoteIn(article: DraftArticle, commentId: string): string {
  return article.paragraphs
    .map((paragraph) =>
      paragraph.runs.map((run) => (run.type === "text" && run.comments.includes(commentId) ? run.text : "")).join(""),
    )
    .filter(Boolean)
    .join(" ")
    .trim();
}

function rootOf(comment: WordComment, byId: Map<string, WordComment>): WordComment {
  let at = comment;
  const seen = new Set<string>([at.id]);
  while (at.parentId !== null) {
    const parent = byId.get(at.parentId);
    if (!parent || seen.has(parent.id)) break;
    seen.add(parent.id);
    at = parent;
  }
  return at;
}

export function draftThreads(
  outline: DraftOutline,
  comments: WordComment[],
): { threads: DraftThread[]; leftOut: number } {
  const byId = new Map(comments.map((comment) => [comment.id, comment]));
  const repliesTo = new Map<string, WordComment[]>();
  for (const comment of comments) {
    const root = rootOf(comment, byId);
    if (root === comment) continue;
    repliesTo.set(root.id, [...(repliesTo.get(root.id) ?? []), comment]);
  }
  const articles = outline.chapters.flatMap((chapter) => chapter.articles);
  const threads: DraftThread[] = [];
  let leftOut = 0;
  for (const comment of comments) {
    if (rootOf(comment, byId) !== comment) continue;
    const replies = (repliesTo.get(comment.id) ?? []).sort(
      (a, b) => Date.parse(a.date ?? "") - Date.parse(b.date ?? "") || 0,
    );
    let article: DraftArticle | undefined;
    let quote = "";
    for (const candidate of articles) {
      quote = quoteIn(candidate, comment.id);
      if (quote) {
        article = candidate;
        break;
      }
    }
    article ??= articles.find((candidate) => candidate.onWholeArticle.has(comment.id));
    if (!article) {
      leftOut += 1 + replies.length;
      continue;
    }
    threads.push({
      commentId: comment.id,
      start: comment,
      replies,
      resolved: comment.resolved || replies.some((reply) => reply.resolved),
      article,
      onWords: quote !== "",
      quote,
    });
  }
  return { threads, leftOut };
}
