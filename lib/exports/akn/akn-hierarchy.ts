// A clause's text as the Akoma Ntoso hierarchy inside its <article>: numbered paragraphs are
// <paragraph><num>1.</num>…, lettered sub-paragraphs <point><num>(a)</num>… inside a <list>,
// bullets <indent> in a <list>. An element of words only holds them in <content><p>; one that
// also holds sub-paragraphs puts the words before them in <intro>, those after in <wrapUp> and any
// in between in an <alinea> (the schema's unnumbered paragraph). A paragraph's status (agreed,
// agreed ad referendum) is its `class` and a `refersTo` to the status concept in <references>.
import type { Block, ListItem, Paragraph, ParagraphStatus } from "@/lib/clause-model/clause-model";
import { listMarker } from "../clause-text";
import { aknInlines, type InlineContext } from "./akn-inlines";
import { element } from "./xml";

const STATUS_CLASS: Record<ParagraphStatus, string | null> = {
  OPEN: null,
  AGREED_AD_REF: "agreed-ad-referendum",
  AGREED: "agreed",
};

/** The status attributes of a hierarchy element: `class` and `refersTo` (none while open). */
export function statusAttributes(status: ParagraphStatus, context: InlineContext) {
  return [
    ["class", STATUS_CLASS[status]],
    ["refersTo", context.references.status(status)],
  ] as const;
}

function paragraphsXml(
  paragraphs: readonly Paragraph[],
  owner: string,
  context: InlineContext,
  status: ParagraphStatus,
): string {
  // The status tag follows the element's own words: its first paragraph.
  return paragraphs
    .map((paragraph, i) => element("p", [], aknInlines(paragraph.inlines, owner, context, i === 0 ? status : "OPEN")))
    .join("");
}

function itemXml(
  item: ListItem,
  kind: "paragraph" | "point" | "indent",
  parent: string,
  marker: string,
  ordinal: number,
  context: InlineContext,
): string {
  const eId = context.eIds.child(parent, kind, kind === "indent" ? "" : marker, ordinal);
  const inner = element("num", [], marker) + hierarchyInside(item.blocks, eId, context, "item", item.status);
  return element(kind, [["eId", eId], ...statusAttributes(item.status, context)], inner);
}

function listXml(block: Exclude<Block, Paragraph>, owner: string, context: InlineContext, level: "article" | "item") {
  if (block.type === "orderedList" && level === "article") {
    // The article's numbered paragraphs stand directly in it.
    return block.items
      .map((item, i) =>
        itemXml(item, "paragraph", owner, listMarker(block.numbering, block.start + i), block.start + i, context),
      )
      .join("");
  }
  const eId = context.eIds.next(owner, "list");
  const items = block.items.map((item, i) =>
    block.type === "orderedList"
      ? itemXml(item, "point", eId, listMarker(block.numbering, block.start + i), block.start + i, context)
      : itemXml(item, "indent", eId, "•", i + 1, context),
  );
  return element("list", [["eId", eId]], items.join(""));
}

/** The inside of a hierarchy element, after its <num> and <heading>, from its blocks. */
export function hierarchyInside(
  blocks: readonly Block[],
  owner: string,
  context: InlineContext,
  level: "article" | "item",
  status: ParagraphStatus,
): string {
  const isParagraph = (block: Block): block is Paragraph => block.type === "paragraph";
  if (blocks.every(isParagraph)) {
    // The schema wants at least one block in <content>: an empty element holds an empty <p/>.
    return element("content", [], blocks.length > 0 ? paragraphsXml(blocks, owner, context, status) : "<p/>");
  }
  const first = blocks.findIndex((block) => !isParagraph(block));
  const last = blocks.findLastIndex((block) => !isParagraph(block));
  const intro = blocks.slice(0, first).filter(isParagraph);
  const wrapUp = blocks.slice(last + 1).filter(isParagraph);
  let out = intro.length > 0 ? element("intro", [], paragraphsXml(intro, owner, context, status)) : "";
  let between: Paragraph[] = [];
  const flush = () => {
    if (between.length === 0) return;
    const eId = context.eIds.next(owner, "alinea");
    out += element("alinea", [["eId", eId]], element("content", [], paragraphsXml(between, eId, context, "OPEN")));
    between = [];
  };
  for (const block of blocks.slice(first, last + 1)) {
    if (isParagraph(block)) between.push(block);
    else {
      flush();
      out += listXml(block, owner, context, level);
    }
  }
  if (wrapUp.length > 0) out += element("wrapUp", [], paragraphsXml(wrapUp, owner, context, "OPEN"));
  return out;
}
