// The comments of a Word file: word/comments.xml holds each comment (author, date, text);
// word/commentsExtended.xml, written by Word 2013 and later, says which comment replies to which
// (w15:paraIdParent, naming the parent's last paragraph) and which are resolved (w15:done). A
// reply is shown in its parent's thread; a file without commentsExtended has no replies.
import type { Element } from "@xmldom/xmldom";
import { DOCX_LIMITS } from "./docx-limits";
import { refuseDocx } from "./docx-refusal";
import { attribute, childElements, isWord, wordChildren } from "./word-xml";

export type WordComment = {
  /** w:id, which the text's comment ranges name. */
  id: string;
  author: string;
  date: string | null;
  text: string;
  /** The comment it replies to (its w:id), or null for the start of a thread. */
  parentId: string | null;
  resolved: boolean;
};

/** The text of an element's runs, paragraphs on lines of their own. */
export function textOf(node: Element): string {
  const paragraphs: string[] = [];
  const walk = (element: Element, line: string[]): void => {
    for (const child of childElements(element)) {
      if (isWord(child, "p")) {
        const inner: string[] = [];
        walk(child, inner);
        paragraphs.push(inner.join(""));
      } else if (isWord(child, "t")) line.push(child.textContent ?? "");
      else if (isWord(child, "tab")) line.push("\t");
      else if (isWord(child, "br")) line.push("\n");
      else if (!isWord(child, "delText") && !isWord(child, "del")) walk(child, line);
    }
  };
  const top: string[] = [];
  walk(node, top);
  if (top.length > 0) paragraphs.unshift(top.join(""));
  return paragraphs.join("\n").trim();
}

export function readComments(comments: Element | null, extended: Element | null): WordComment[] {
  const entries = wordChildren(comments, "comment");
  if (entries.length > DOCX_LIMITS.comments) {
    throw refuseDocx(`This draft holds ${entries.length} comments; the import takes at most ${DOCX_LIMITS.comments}.`);
  }
  // commentsExtended names a comment by the paraId of its last paragraph.
  const byLastParagraph = new Map<string, string>();
  for (const entry of entries) {
    const last = wordChildren(entry, "p").at(-1);
    const paraId = attribute(last, "paraId");
    const id = attribute(entry, "id");
    if (paraId && id !== null) byLastParagraph.set(paraId, id);
  }
  const threading = new Map<string, { parentId: string | null; resolved: boolean }>();
  for (const info of extended ? childElements(extended).filter((child) => child.localName === "commentEx") : []) {
    const id = byLastParagraph.get(attribute(info, "paraId") ?? "");
    if (id === undefined) continue;
    const parent = attribute(info, "paraIdParent");
    threading.set(id, {
      parentId: parent ? (byLastParagraph.get(parent) ?? null) : null,
      resolved: attribute(info, "done") === "1",
    });
  }
  const out: WordComment[] = [];
  for (const entry of entries) {
    const id = attribute(entry, "id");
    if (id === null) continue;
    const thread = threading.get(id);
    out.push({
      id,
      author: attribute(entry, "author")?.trim() || "Unknown author",
      date: attribute(entry, "date"),
      text: textOf(entry),
      parentId: thread?.parentId && thread.parentId !== id ? thread.parentId : null,
      resolved: thread?.resolved ?? false,
    });
  }
  return out;
}
