// How long a comment may be: some words, and not a book. Its own file, without zod, so the
// composer's live hint does not bring a validation library into the clause page's first load;
// the server's rule (comment-body.ts) is built on it.
export const MAX_COMMENT_LENGTH = 10_000;
