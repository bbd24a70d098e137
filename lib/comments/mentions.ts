// Mentions inside a comment's plain text. A mention is written as a token the composer inserts,
// `@[Chloe Whitfield](user:<id>)` or `@[CARICOM](org:<id>)`, so a name with spaces, or two
// people with one name, stay unambiguous. Everything else in a comment is text, shown as text.

export type MentionKind = "user" | "org";
export type CommentSegment =
  | { type: "text"; text: string }
  | { type: "mention"; kind: MentionKind; id: string; label: string };

const UUID = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
const MENTION = new RegExp(`@\\[([^\\[\\]\\n]{1,200})\\]\\((user|org):(${UUID})\\)`, "g");

export function mentionToken(kind: MentionKind, id: string, label: string): string {
  return `@[${label.replace(/[[\]\n]/g, " ")}](${kind}:${id})`;
}

/** The comment as text and mentions, in order, for display. */
export function parseComment(body: string): CommentSegment[] {
  const segments: CommentSegment[] = [];
  let last = 0;
  for (const match of body.matchAll(MENTION)) {
    const index = match.index ?? 0;
    if (index > last) segments.push({ type: "text", text: body.slice(last, index) });
    segments.push({ type: "mention", kind: match[2] as MentionKind, id: match[3].toLowerCase(), label: match[1] });
    last = index + match[0].length;
  }
  if (last < body.length) segments.push({ type: "text", text: body.slice(last) });
  return segments;
}

/** Who a comment mentions: people and delegations, each once. */
export function mentionedIn(body: string): { userIds: string[]; organizationIds: string[] } {
  const userIds = new Set<string>();
  const organizationIds = new Set<string>();
  for (const segment of parseComment(body)) {
    if (segment.type !== "mention") continue;
    (segment.kind === "user" ? userIds : organizationIds).add(segment.id);
  }
  return { userIds: [...userIds], organizationIds: [...organizationIds] };
}

/** The comment as one line of plain text (notifications, previews): mentions become "@Label". */
export function commentPreview(body: string, length = 140): string {
  const text = parseComment(body)
    .map((segment) => (segment.type === "text" ? segment.text : `@${segment.label}`))
    .join("")
    .replace(/\s+/g, " ")
    .trim();
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}
