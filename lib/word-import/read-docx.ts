// Reads a .docx draft into what the import needs: its outline (chapters, articles and their
// paragraphs with runs, tracked changes and comment ranges) and its comments. Refuses, with a
// message the secretariat can act on, anything that is not a usable Word draft.

import { DOCX_LIMITS } from "./docx-limits";
import { refuseDocx } from "./docx-refusal";
import { type DraftOutline, outlineDraft } from "./outline-draft";
import { readBody } from "./read-body";
import { readComments, type WordComment } from "./read-comments";
import { readNumbering } from "./read-numbering";
import { readStyles } from "./read-styles";
import { readZipParts } from "./read-zip";
import { parseWordXml } from "./word-xml";

export type WordDraft = DraftOutline & {
  comments: WordComment[];
  /** Tables in the document body, which the import leaves out. */
  tables: number;
};

const PARTS = {
  document: "word/document.xml",
  styles: "word/styles.xml",
  numbering: "word/numbering.xml",
  comments: "word/comments.xml",
  commentsExtended: "word/commentsExtended.xml",
  core: "docProps/core.xml",
};

/** The document's title as Word keeps it (File → Info → Title), if any. */
function titleOf(core: Uint8Array | undefined): string | null {
  if (!core) return null;
  try {
    const root = parseWordXml(core, "properties");
    for (let child = root.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 1 && (child as { localName?: string }).localName === "title") {
        return child.textContent?.trim() || null;
      }
    }
  } catch {
    // The properties are not the draft: a damaged one only loses the title.
  }
  return null;
}

/** `fileName`: what the added chapter is called when the draft has articles but no chapters. */
export function readDocx(bytes: Uint8Array, fileName = "Word draft"): WordDraft {
  const parts = readZipParts(bytes, Object.values(PARTS));
  const document = parts.get(PARTS.document);
  if (!document) {
    throw refuseDocx(
      "This file is a zip but not a Word document: it has no word/document.xml. Save it from Word as .docx.",
    );
  }
  const body = readBody(parseWordXml(document, "text"));
  const stylesPart = parts.get(PARTS.styles);
  const numberingPart = parts.get(PARTS.numbering);
  const commentsPart = parts.get(PARTS.comments);
  const extendedPart = parts.get(PARTS.commentsExtended);
  const styles = readStyles(stylesPart ? parseWordXml(stylesPart, "styles") : null);
  const numbering = readNumbering(numberingPart ? parseWordXml(numberingPart, "numbering") : null);
  const title = titleOf(parts.get(PARTS.core)) ?? fileName.replace(/\.docx$/i, "").trim();
  const outline = outlineDraft(body.paragraphs, styles, numbering, title || "Word draft");
  if (!outline.chapters.some((chapter) => chapter.articles.length > 0)) {
    throw refuseDocx(
      "No articles were found in this draft. Give each article a heading — the Heading 2 style, or a line of its own such as “Article 1. Purpose” — and chapters the Heading 1 style or “Chapter I. …”.",
    );
  }
  const articles = outline.chapters.reduce((sum, chapter) => sum + chapter.articles.length, 0);
  if (articles > DOCX_LIMITS.articles) {
    throw refuseDocx(`This draft has ${articles} articles; the import takes at most ${DOCX_LIMITS.articles} at once.`);
  }
  const comments = readComments(
    commentsPart ? parseWordXml(commentsPart, "comments") : null,
    extendedPart ? parseWordXml(extendedPart, "comment threads") : null,
  );
  return { ...outline, comments, tables: body.tables };
}
