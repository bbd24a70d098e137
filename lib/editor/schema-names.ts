// The names the clause's text is stored under, apart from the Tiptap extensions that define
// them: the clause model and the connection read a clause's Yjs document by these names, and
// must not bring Tiptap and ProseMirror into the page's first scripts (the editor is loaded
// beside the socket, components/editor/clause-room.tsx).

/** The Yjs XML fragment that holds a clause's text. */
export const CLAUSE_FRAGMENT = "default";

/** The mark that anchors a comment thread to its words (comment-anchor.ts). */
export const COMMENT_ANCHOR = "commentAnchor";

/** The square-bracket mark (bracket-mark.ts). */
export const BRACKET = "bracket";

/** The attributes every bracket carries, in this order. */
export const BRACKET_ATTRS = [
  "id",
  "organizationId",
  "organizationCode",
  "personId",
  "personName",
  "at",
  "note",
] as const;

/** The mark of the words standing as Alt 1 of a set of alternatives (alternatives-mark.ts). */
export const ALTERNATIVES = "alternatives";

/** A numbered paragraph's stored statuses; open is the absence of the attribute (paragraph-status.ts). */
export const PARAGRAPH_STATUSES = ["AGREED_AD_REF", "AGREED"] as const;
/** A numbered paragraph's status as stored: absent (null) while it is open. */
export type StoredParagraphStatus = (typeof PARAGRAPH_STATUSES)[number];

export const PARAGRAPH_STATUS_ATTRIBUTE = "status";
