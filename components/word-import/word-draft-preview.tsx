// The preview of a Word draft: its chapters and articles with each paragraph's number and first
// words, the tracked changes by Word author, the comments with their replies, and what was left
// out. Read-only; the mapping and the Import button are beside it (word-import-form.tsx).
import type { WordDraftPreview } from "@/lib/word-import/preview-word-draft";

const STATUS: Record<string, string> = { AGREED_AD_REF: "Agreed ad ref", AGREED: "Agreed" };
const KIND: Record<string, string> = { INSERTION: "inserts", DELETION: "deletes", REPLACEMENT: "replaces" };

function Change({ change }: { change: WordDraftPreview["changes"][number] }) {
  return (
    <li>
      <span className="text-slate-500">{change.article}:</span> {KIND[change.kind]}{" "}
      {change.deletedText && <del className="text-red-700">{change.deletedText}</del>}
      {change.kind === "REPLACEMENT" && " with "}
      {change.insertedText && <ins className="text-green-800">{change.insertedText}</ins>}
    </li>
  );
}

export function WordDraftPreviewView({ preview }: { preview: WordDraftPreview }) {
  const byAuthor = preview.authors.filter((author) => author.changes > 0);
  const left = preview.leftOut;
  return (
    <div className="space-y-6">
      <section aria-labelledby="found-articles" className="space-y-3">
        <h3 id="found-articles" className="text-base font-semibold">
          Chapters and articles found
        </h3>
        {preview.chapters.map((chapter) => (
          <div key={`${chapter.number}-${chapter.title}`} className="rounded-md border border-slate-200 bg-white p-3">
            <h4 className="font-medium">
              Chapter {chapter.number}. {chapter.title}
              {chapter.added && (
                <span className="ml-2 text-sm font-normal text-slate-600">
                  (the draft has no chapters: one is added)
                </span>
              )}
            </h4>
            <ul className="mt-2 space-y-2">
              {chapter.articles.map((article) => (
                <li key={`${article.number}-${article.title}`} aria-label={`Article ${article.number}`}>
                  <p className="text-sm font-medium">
                    Article {article.number}. {article.title}
                    {article.status !== "OPEN" && (
                      <span className="ml-2 font-normal text-slate-600">({STATUS[article.status]})</span>
                    )}
                  </p>
                  <ol className="mt-1 space-y-0.5 text-sm text-slate-700">
                    {article.paragraphs.map((paragraph, index) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: the preview's paragraphs never move
                      <li key={index} style={{ paddingLeft: `${paragraph.level * 1.5}rem` }} className="list-none">
                        {paragraph.label && <span className="mr-1 font-mono text-slate-500">{paragraph.label}</span>}
                        {paragraph.firstWords}
                        {paragraph.status && (
                          <span className="ml-1 italic text-slate-500">[{STATUS[paragraph.status].toLowerCase()}]</span>
                        )}
                      </li>
                    ))}
                  </ol>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </section>
      <section aria-labelledby="found-changes" className="space-y-2">
        <h3 id="found-changes" className="text-base font-semibold">
          Tracked changes ({preview.changes.length})
        </h3>
        {byAuthor.length === 0 && <p className="text-sm text-slate-600">The draft has no tracked changes.</p>}
        {byAuthor.map((author) => (
          <div key={author.name}>
            <p className="text-sm font-medium">{author.name}</p>
            <ul className="ml-4 list-disc text-sm">
              {preview.changes
                .filter((change) => change.author === author.name)
                .map((change, index) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: the preview's changes never move
                  <Change key={index} change={change} />
                ))}
            </ul>
          </div>
        ))}
      </section>
      <section aria-labelledby="found-comments" className="space-y-2">
        <h3 id="found-comments" className="text-base font-semibold">
          Comments ({preview.threads.length} threads)
        </h3>
        {preview.threads.length === 0 && <p className="text-sm text-slate-600">The draft has no comments.</p>}
        <ul className="space-y-2 text-sm">
          {preview.threads.map((thread, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the preview's threads never move
            <li key={index} className="rounded-md border border-slate-200 bg-white p-2">
              <p className="text-slate-500">
                {thread.article}
                {thread.quote ? ` — on “${thread.quote}”` : " — on the whole article"}
                {thread.resolved && " · resolved"}
              </p>
              <p>
                <span className="font-medium">{thread.author}:</span> {thread.text}
              </p>
              {thread.replies.map((reply, at) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: replies never move
                <p key={at} className="ml-4">
                  <span className="font-medium">{reply.author}:</span> {reply.text}
                </p>
              ))}
            </li>
          ))}
        </ul>
      </section>
      {(left.paragraphs > 0 || left.tables > 0 || left.comments > 0) && (
        <p className="text-sm text-slate-600">
          Left out: {left.paragraphs} paragraph{left.paragraphs === 1 ? "" : "s"} outside any article (a title page, a
          preamble, a chapter's introduction), {left.tables} table{left.tables === 1 ? "" : "s"} and {left.comments}{" "}
          comment{left.comments === 1 ? "" : "s"} outside the articles.
        </p>
      )}
    </div>
  );
}
