// Reads one element of a clause's Yjs XML into the model, strictly against the shared schema
// (lib/editor/extensions.ts): paragraphs; ordered and bullet lists of list items; a list item
// is a paragraph followed by any blocks, with its status (open unless the chair agreed it). Names, attributes and content the schema does not allow
// make the reading fail with the reason. Elements already read are taken from `cache`.
import * as Y from "yjs";
import { PARAGRAPH_STATUS_ATTRIBUTE, PARAGRAPH_STATUSES } from "@/lib/editor/schema-names";
import {
  type Block,
  type ClauseNode,
  LIST_NUMBERING,
  type ListItem,
  type ListNumbering,
  type Paragraph,
  type ParagraphStatus,
} from "./clause-model";
import { ClauseUnreadable } from "./clause-unreadable";
import { readRuns } from "./read-runs";

/** What was read of each element, until it changes (see clause-reader.ts). */
export type ReadCache = WeakMap<Y.XmlElement, ClauseNode | ClauseUnreadable>;

const BLOCKS = ["paragraph", "orderedList", "bulletList"];

function noAttributes(element: Y.XmlElement): void {
  const keys = Object.keys(element.getAttributes());
  if (keys.length > 0) throw new ClauseUnreadable(`an attribute "${keys[0]}" on a ${element.nodeName}`);
}

function itemStatus(item: Y.XmlElement): ParagraphStatus {
  const { [PARAGRAPH_STATUS_ATTRIBUTE]: status = null, ...rest } = item.getAttributes() as Record<string, unknown>;
  const unknown = Object.keys(rest)[0];
  if (unknown) throw new ClauseUnreadable(`an attribute "${unknown}" on a listItem`);
  if (status === null) return "OPEN";
  if (!(PARAGRAPH_STATUSES as readonly unknown[]).includes(status))
    throw new ClauseUnreadable("a paragraph of an unknown status");
  return status as ParagraphStatus;
}

function elements(parent: Y.XmlElement): Y.XmlElement[] {
  return (parent.toArray() as unknown[]).map((child) => {
    if (child instanceof Y.XmlElement) return child;
    throw new ClauseUnreadable(`something other than an element inside a ${parent.nodeName}`);
  });
}

function readItems(list: Y.XmlElement, cache?: ReadCache): ListItem[] {
  const items = elements(list).map((child) => {
    if (child.nodeName !== "listItem") throw new ClauseUnreadable(`a "${child.nodeName}" directly inside a list`);
    return readElement(child, cache) as ListItem;
  });
  if (items.length === 0) throw new ClauseUnreadable("an empty list");
  return items;
}

function orderedAttributes(list: Y.XmlElement): { start: number; numbering: ListNumbering | null } {
  const { start = 1, type = null, ...rest } = list.getAttributes() as Record<string, unknown>;
  const unknown = Object.keys(rest)[0];
  if (unknown) throw new ClauseUnreadable(`an attribute "${unknown}" on a numbered list`);
  if (typeof start !== "number" || !Number.isInteger(start) || start < 0)
    throw new ClauseUnreadable("a numbered list that does not start at a whole number");
  if (type !== null && !(LIST_NUMBERING as readonly unknown[]).includes(type))
    throw new ClauseUnreadable("a numbered list of an unknown numbering");
  return { start, numbering: type as ListNumbering | null };
}

function convert(element: Y.XmlElement, cache?: ReadCache): ClauseNode {
  switch (element.nodeName) {
    case "paragraph":
      noAttributes(element);
      return { type: "paragraph", inlines: readRuns(element), source: element };
    case "orderedList":
      return { type: "orderedList", ...orderedAttributes(element), items: readItems(element, cache), source: element };
    case "bulletList":
      noAttributes(element);
      return { type: "bulletList", items: readItems(element, cache), source: element };
    case "listItem": {
      const status = itemStatus(element);
      const blocks = elements(element).map((child) => readBlock(child, cache));
      if (blocks[0]?.type !== "paragraph")
        throw new ClauseUnreadable("a list item that does not begin with a paragraph");
      return { type: "listItem", status, blocks: blocks as [Paragraph, ...Block[]], source: element };
    }
    default:
      throw new ClauseUnreadable(`an unknown element "${element.nodeName}"`);
  }
}

/** Reads an element (any depth), from the cache if it has not changed since. */
export function readElement(element: Y.XmlElement, cache?: ReadCache): ClauseNode {
  const cached = cache?.get(element);
  if (cached instanceof ClauseUnreadable) throw cached;
  if (cached) return cached;
  try {
    const node = convert(element, cache);
    cache?.set(element, node);
    return node;
  } catch (error) {
    if (error instanceof ClauseUnreadable) cache?.set(element, error);
    throw error;
  }
}

/** Reads an element that must be a block (a paragraph or a list). */
export function readBlock(element: unknown, cache?: ReadCache): Block {
  if (!(element instanceof Y.XmlElement)) throw new ClauseUnreadable("something other than a paragraph or a list");
  if (!BLOCKS.includes(element.nodeName)) throw new ClauseUnreadable(`a "${element.nodeName}" where a block belongs`);
  return readElement(element, cache) as Block;
}
