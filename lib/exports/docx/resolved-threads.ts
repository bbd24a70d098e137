// Word keeps a resolved comment's state in word/commentsExtended.xml (w15:commentEx w15:done="1").
// The `docx` library writes that part only when some comment is a reply (its "threading"): a
// document whose resolved threads have no replies would lose their state. Then, and only then,
// this adds the part after packing, as the library itself writes it — the paragraph ids on the
// comments, the part, its relationship and its content type — and leaves the rest untouched.
import type { ICommentOptions } from "docx";
import { commentIdToParaId } from "docx";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";

const EXTENDED_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.commentsExtended+xml";
const EXTENDED_RELATION = "http://schemas.microsoft.com/office/2011/relationships/commentsExtended";

export function markResolvedThreads(file: Uint8Array, comments: readonly ICommentOptions[]): Uint8Array {
  const threaded = comments.some((comment) => comment.parentId !== undefined);
  if (threaded || !comments.some((comment) => comment.resolved)) return file;
  const parts = unzipSync(file);
  const text = (name: string) => strFromU8(parts[name]);
  // Each comment's last paragraph carries its paraId (comments here hold their own paragraphs only).
  parts["word/comments.xml"] = strToU8(
    text("word/comments.xml").replace(
      /<w:comment w:id="(\d+)"([^>]*)>([\s\S]*?)<\/w:comment>/g,
      (_all, id, attrs, inner) => {
        const paraId = commentIdToParaId(Number(id));
        const last = inner.lastIndexOf("<w:p>");
        const marked =
          last === -1
            ? inner
            : `${inner.slice(0, last)}<w:p w14:paraId="${paraId}" w14:textId="${paraId}">${inner.slice(last + 5)}`;
        return `<w:comment w:id="${id}"${attrs}>${marked}</w:comment>`;
      },
    ),
  );
  const entries = comments
    .map((c) => `<w15:commentEx w15:paraId="${commentIdToParaId(c.id)}" w15:done="${c.resolved ? 1 : 0}"/>`)
    .join("");
  parts["word/commentsExtended.xml"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w15:commentsEx xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml" mc:Ignorable="w15">${entries}</w15:commentsEx>`,
  );
  parts["word/_rels/document.xml.rels"] = strToU8(
    text("word/_rels/document.xml.rels").replace(
      "</Relationships>",
      `<Relationship Id="rIdCommentsExtended" Type="${EXTENDED_RELATION}" Target="commentsExtended.xml"/></Relationships>`,
    ),
  );
  parts["[Content_Types].xml"] = strToU8(
    text("[Content_Types].xml").replace(
      "</Types>",
      `<Override ContentType="${EXTENDED_TYPE}" PartName="/word/commentsExtended.xml"/></Types>`,
    ),
  );
  return zipSync(parts);
}
