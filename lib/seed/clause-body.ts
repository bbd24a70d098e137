// Small builders that keep demo clause text readable: a clause body is one numbered list of
// paragraphs, some with lettered sub-paragraphs, in the shared editor schema (lib/editor).
import type { JSONContent } from "@tiptap/core";

/** A run of text, optionally formatted. */
export type Run = string | { text: string; bold?: boolean; italic?: boolean; underline?: boolean };
/** The wording of one paragraph or sub-paragraph. */
export type Wording = Run | readonly Run[];

/**
 * Wording agreed ad referendum (subject to confirmation by capitals). Nothing is typed for it: the
 * status is a structure — the clause's own status, or a numbered paragraph's (demo-paragraph-status.ts),
 * which the editor and the exports show as "[agreed ad ref]". Kept so the demo text says which
 * wording the room has agreed so far.
 */
export function adRef(wording: Wording): Run[] {
  return toRuns(wording);
}

/** A numbered paragraph, with its lettered sub-paragraphs if any. */
export function para(wording: Wording, ...subparagraphs: Wording[]): JSONContent {
  const content = [paragraph(wording)];
  if (subparagraphs.length > 0) content.push(orderedList("a", subparagraphs.map(listItem)));
  return { type: "listItem", content };
}

/** A clause body: its numbered paragraphs, numbered from 1. */
export function clauseBody(...paragraphs: JSONContent[]): JSONContent {
  return { type: "doc", content: [orderedList(null, paragraphs)] };
}

function orderedList(type: "a" | null, items: JSONContent[]): JSONContent {
  return { type: "orderedList", attrs: { start: 1, type }, content: items };
}

function listItem(wording: Wording): JSONContent {
  return { type: "listItem", content: [paragraph(wording)] };
}

function paragraph(wording: Wording): JSONContent {
  const content: JSONContent[] = [];
  for (const run of toRuns(wording)) {
    const node = textNode(run);
    if (!node.text) continue;
    const previous = content.at(-1);
    // Adjacent runs with the same marks are one text node, as ProseMirror and Yjs store them.
    if (previous && JSON.stringify(previous.marks) === JSON.stringify(node.marks)) {
      previous.text += node.text;
    } else {
      content.push(node);
    }
  }
  return content.length > 0 ? { type: "paragraph", content } : { type: "paragraph" };
}

function toRuns(wording: Wording): Run[] {
  return typeof wording === "string" || !Array.isArray(wording) ? [wording as Run] : [...wording];
}

function textNode(run: Run): JSONContent {
  if (typeof run === "string") return { type: "text", text: run };
  const marks = (["bold", "italic", "underline"] as const).filter((mark) => run[mark]).map((type) => ({ type }));
  return marks.length > 0 ? { type: "text", text: run.text, marks } : { type: "text", text: run.text };
}
