// The one definition of what a clause's text may contain. The browser editor, the
// collaboration server and the seed all build their schema from this list, so the server
// reads a clause exactly as the browser writes it.
import { type AnyExtension, getSchema } from "@tiptap/core";
import StarterKit from "@tiptap/starter-kit";
import { AlternativesMark } from "./alternatives-mark";
import { BracketMark } from "./bracket-mark";
import { CommentAnchor } from "./comment-anchor";
import { ParagraphStatusAttribute } from "./paragraph-status";
import { proposalMarks } from "./suggestion-marks";

export { CLAUSE_FRAGMENT } from "./schema-names";

export const clauseExtensions: AnyExtension[] = [
  StarterKit.configure({
    // Negotiating text is paragraphs and numbered sub-paragraphs; nothing else belongs in it.
    heading: false,
    codeBlock: false,
    code: false,
    blockquote: false,
    horizontalRule: false,
    link: false,
    // Strike would be mistaken for a proposed deletion.
    strike: false,
    // History comes from Yjs (per-user undo) in the browser.
    undoRedo: false,
    trailingNode: false,
  }),
  CommentAnchor,
  // Square brackets: words a delegation reserves, drawn `[ … ]` with its code (bracket-mark.ts).
  BracketMark,
  // Alternatives: the words standing as Alt 1 of a set of options (alternatives-mark.ts).
  AlternativesMark,
  // Open, agreed ad referendum or agreed, per numbered paragraph (set by the chair, on the server).
  ParagraphStatusAttribute,
  // Tracked proposals: proposed insertions and deletions, attributed to a delegation.
  ...proposalMarks,
];

export const clauseSchema = getSchema(clauseExtensions);
