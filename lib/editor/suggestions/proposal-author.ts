// Who a proposal belongs to, as stamped on its marks. The collaboration server checks every
// field against the session, so a mark cannot claim another person or delegation.
export type ProposalAuthor = {
  authorId: string;
  authorName: string;
  organizationId: string;
  organizationCode: string;
  organizationName: string;
  /** The delegation's colour (Organization.colour), for drawing the proposal. */
  colour: string;
};

export const AUTHOR_ATTRS = [
  "authorId",
  "authorName",
  "organizationId",
  "organizationCode",
  "organizationName",
  "colour",
] as const satisfies readonly (keyof ProposalAuthor)[];

/** The mark types that make up proposals (the names the suggest-changes transform expects). */
export const SUGGESTION_MARKS = ["insertion", "deletion", "modification"] as const;
export type SuggestionMarkName = (typeof SUGGESTION_MARKS)[number];

export function isSuggestionMarkName(name: string): name is SuggestionMarkName {
  return (SUGGESTION_MARKS as readonly string[]).includes(name);
}

export function authorOfMark(attrs: Record<string, unknown>): ProposalAuthor | null {
  if (typeof attrs.authorId !== "string") return null;
  return {
    authorId: attrs.authorId,
    authorName: String(attrs.authorName ?? ""),
    organizationId: String(attrs.organizationId ?? ""),
    organizationCode: String(attrs.organizationCode ?? ""),
    organizationName: String(attrs.organizationName ?? ""),
    colour: String(attrs.colour ?? ""),
  };
}
