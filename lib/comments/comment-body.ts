// What a comment may say: some words, and not a book. Shared by the composer (live hint) and
// the server (the rule that counts).
import { z } from "zod";

export const MAX_COMMENT_LENGTH = 10_000;

export const ZCommentBody = z
  .string({ error: "Write a comment before posting." })
  .trim()
  .min(1, "Write a comment before posting.")
  .max(MAX_COMMENT_LENGTH, `A comment can be at most ${MAX_COMMENT_LENGTH.toLocaleString("en")} characters long.`);
