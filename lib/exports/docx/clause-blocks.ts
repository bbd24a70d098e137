// A clause's text as Word paragraphs, walking the clause model: numbered paragraphs and
// sub-paragraphs on real Word numbering (numbering.ts; the list's level is its depth), a list
// item's further paragraphs indented under it, and an agreed paragraph's tag ("[agreed ad ref]")
// after its own words, as the other exports print it. The words of each paragraph come from
// `wordsOf` (the model's runs, or the compare's pieces in the "changes" variant); `between` gives
// the paragraphs to put before the paragraph of an index (those removed since, in "changes").
import { type ParagraphChild, TextRun, Paragraph as WordParagraph } from "docx";
import type { Block, ClauseModel, ListItem, Paragraph } from "@/lib/clause-model/clause-model";
import { exportTag } from "@/lib/paragraph-status/numbered-paragraphs";
import type { DocxWriter } from "./docx-writer";
import { LEVEL_INDENT, listReference } from "./numbering";

export type ClauseWords = {
  wordsOf(paragraph: Paragraph, index: number): ParagraphChild[];
  between(index: number): WordParagraph[];
  /** Paragraphs after the last (those removed at the end, in "changes"). */
  after(): WordParagraph[];
};

type Place = {
  numbering?: { reference: ReturnType<typeof listReference>; level: number; instance: number };
  indent: number;
};

export function clauseParagraphs(model: ClauseModel, writer: DocxWriter, words: ClauseWords): WordParagraph[] {
  let index = 0;
  const out: WordParagraph[] = [];

  const paragraph = (node: Paragraph, place: Place, tag = "") => {
    out.push(...words.between(index));
    const children = words.wordsOf(node, index);
    index += 1;
    if (tag) children.push(new TextRun({ text: ` ${tag}`, italics: true }));
    out.push(
      new WordParagraph({
        children,
        ...(place.numbering
          ? { numbering: place.numbering }
          : place.indent > 0
            ? { indent: { left: LEVEL_INDENT * place.indent } }
            : {}),
      }),
    );
  };

  const item = (node: ListItem, numbering: Place["numbering"], level: number) => {
    node.blocks.forEach((block, i) => {
      if (i === 0 && block.type === "paragraph") paragraph(block, { numbering, indent: level }, exportTag(node.status));
      else walk(block, level);
    });
  };

  // `level`: how many lists the block is inside.
  const walk = (block: Block, level: number) => {
    if (block.type === "paragraph") return paragraph(block, { indent: level });
    const reference =
      block.type === "orderedList" ? listReference(block.numbering, block.start) : listReference("bullet");
    const instance = writer.nextListInstance();
    for (const child of block.items) item(child, { reference, level, instance }, level + 1);
  };

  for (const block of model.blocks) walk(block, 0);
  out.push(...words.after());
  return out;
}
