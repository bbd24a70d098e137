// What a comment may say: some words, and not a book (comment-length.ts, which the composer's
// live hint reads too). The rule that counts, on the server.
import { z } from "zod";
import { MAX_COMMENT_LENGTH } from "./comment-length";

export const ZCommentBody = z
  .string({ error: "Write a comment before posting." })
  .trim()
  .min(1, "Write a comment before posting.")
  .max(MAX_COMMENT_LENGTH, `A comment can be at most ${MAX_COMMENT_LENGTH.toLocaleString("en")} characters long.`);
