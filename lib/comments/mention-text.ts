// What the person writing a comment sees of its mentions: "@Chloe Whitfield", not the token the
// comment stores (see mentions.ts). The composer keeps the mentions picked from its list and
// turns each "@Label" back into its token when the comment is posted; "@Name" typed by hand,
// without picking, stays text and mentions nobody.
import { type MentionKind, mentionToken, parseComment } from "./mentions";

export type PickedMention = { kind: MentionKind; id: string; label: string };

export function toEditableText(body: string): { text: string; mentions: PickedMention[] } {
  const mentions: PickedMention[] = [];
  const text = parseComment(body)
    .map((segment) => {
      if (segment.type === "text") return segment.text;
      mentions.push({ kind: segment.kind, id: segment.id, label: segment.label });
      return `@${segment.label}`;
    })
    .join("");
  return { text, mentions };
}

const literally = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

export function toCommentBody(text: string, mentions: readonly PickedMention[]): string {
  const byLabel = new Map<string, PickedMention>();
  for (const mention of mentions) if (!byLabel.has(mention.label)) byLabel.set(mention.label, mention);
  if (byLabel.size === 0) return text;
  // Longest first, so "@Australia" does not take the start of "@Australia Legal".
  const labels = [...byLabel.keys()].sort((a, b) => b.length - a.length).map(literally);
  const pattern = new RegExp(`@(${labels.join("|")})(?![\\p{L}\\p{N}])`, "gu");
  return text.replace(pattern, (_whole, label: string) => {
    const mention = byLabel.get(label) as PickedMention;
    return mentionToken(mention.kind, mention.id, mention.label);
  });
}
