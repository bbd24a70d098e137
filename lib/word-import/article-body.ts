// An article of the Word draft as a clause's text in the shared editor schema (ProseMirror JSON,
// lib/editor/extensions.ts): numbered paragraphs as ordered lists at their level with Word's
// format (1., (a), (i)…) and start, bullets as bullet lists, other paragraphs as paragraphs.
// Tracked changes become proposal marks (`insertion` / `deletion`) stamped exactly as suggest
// mode stamps them — proposal id, author, delegation, colour, date — and comment ranges become
// `commentAnchor` marks of their threads. A numbered paragraph tagged "[agreed ad ref]" carries
// that status, as the chair's command sets it (lib/paragraph-status).
import { randomUUID } from "node:crypto";
import type { JSONContent } from "@tiptap/core";
import { PARAGRAPH_STATUS_ATTRIBUTE } from "@/lib/editor/paragraph-status";
import type { ProposalAuthor } from "@/lib/editor/suggestions/proposal-author";
import { groupChanges } from "./draft-changes";
import { paragraphNumbers } from "./draft-preview";
import type { DraftArticle, DraftParagraph } from "./outline-draft";
import type { NumberFormat } from "./read-numbering";

/** Who each Word author's changes are proposed by; `null`: leave them out, as if rejected. */
export type AuthorStamps = Map<string, ProposalAuthor | null>;

const LIST_TYPE: Record<Exclude<NumberFormat, "bullet">, string | null> = {
  decimal: null,
  lowerLetter: "a",
  upperLetter: "A",
  lowerRoman: "i",
  upperRoman: "I",
};

type OpenList = { level: number; bullet: boolean; node: JSONContent };

function inlineOf(
  paragraph: DraftParagraph,
  stamps: AuthorStamps,
  threadOf: Map<string, string>,
  at: (date: string | null) => string,
): JSONContent[] {
  const { groups, changes } = groupChanges(paragraph.runs);
  const ids = changes.map(() => randomUUID());
  const content: JSONContent[] = [];
  paragraph.runs.forEach((run, index) => {
    const group = groups[index];
    const change = run.change;
    const author = change ? stamps.get(change.author) : undefined;
    // A change of an author left out is read as rejected: its insertion goes, its deletion stays.
    if (change && author === null && change.kind === "insertion") return;
    const marks: JSONContent["marks"] = [];
    if (change && author && group !== null) {
      const stamp = { id: ids[group], ...author, at: at(changes[group].date) };
      marks.push({ type: change.kind, attrs: change.kind === "insertion" ? { ...stamp, citation: null } : stamp });
    }
    if (run.type === "break") {
      content.push({ type: "hardBreak" });
      return;
    }
    if (run.bold) marks.push({ type: "bold" });
    if (run.italic) marks.push({ type: "italic" });
    if (run.underline) marks.push({ type: "underline" });
    for (const commentId of run.comments) {
      const threadId = threadOf.get(commentId);
      if (threadId) marks.push({ type: "commentAnchor", attrs: { threadId } });
    }
    const previous = content.at(-1);
    if (previous?.type === "text" && JSON.stringify(previous.marks ?? []) === JSON.stringify(marks)) {
      previous.text += run.text;
    } else {
      content.push(marks.length > 0 ? { type: "text", text: run.text, marks } : { type: "text", text: run.text });
    }
  });
  return content;
}

/**
 * The article's clause text. `threadOf`: Word comment id → the thread it starts in this clause.
 * `counters`: Word's numbering counters, carried from article to article as Word counts.
 */
export function articleBody(
  article: DraftArticle,
  stamps: AuthorStamps,
  threadOf: Map<string, string>,
  counters: Map<string, number>,
  at: (date: string | null) => string,
): JSONContent {
  const numbers = paragraphNumbers(article.paragraphs, counters);
  const blocks: JSONContent[] = [];
  const open: OpenList[] = [];
  article.paragraphs.forEach((paragraph, index) => {
    const inline = inlineOf(paragraph, stamps, threadOf, at);
    const node: JSONContent = inline.length > 0 ? { type: "paragraph", content: inline } : { type: "paragraph" };
    const numbering = paragraph.numbering;
    if (!numbering) {
      // A paragraph without a number ends the lists: it stands on its own under them.
      open.length = 0;
      if (inline.length > 0) blocks.push(node);
      return;
    }
    const bullet = numbering.format === "bullet";
    while (open.length > 0 && open[open.length - 1].level > numbering.level) open.pop();
    let list = open.at(-1);
    if (list && list.level === numbering.level && list.bullet !== bullet) {
      open.pop();
      list = open.at(-1);
    }
    if (!list || list.level < numbering.level) {
      const node: JSONContent = bullet
        ? { type: "bulletList", content: [] }
        : {
            type: "orderedList",
            attrs: { start: numbers[index] ?? 1, type: LIST_TYPE[numbering.format as keyof typeof LIST_TYPE] },
            content: [],
          };
      const parent = list?.node.content?.at(-1);
      if (parent) parent.content?.push(node);
      else blocks.push(node);
      list = { level: numbering.level, bullet, node };
      open.push(list);
    }
    const status = paragraph.status ? { attrs: { [PARAGRAPH_STATUS_ATTRIBUTE]: paragraph.status } } : {};
    list.node.content?.push({ type: "listItem", ...status, content: [node] });
  });
  return { type: "doc", content: blocks.length > 0 ? blocks : [{ type: "paragraph" }] };
}
