// Parses one XML part of a Word file, safely: a part with a document type declaration (where
// entities — external files or the "billion laughs" — are declared) is refused outright, since
// Word never writes one; nesting deeper than the limit is refused before the parser sees it.
// Then small helpers to walk WordprocessingML by local name in Word's own namespaces.
import { DOMParser, type Element } from "@xmldom/xmldom";
import { DOCX_LIMITS } from "./docx-limits";
import { refuseDocx } from "./docx-refusal";

/** WordprocessingML, transitional and strict. */
const WORD_NAMESPACES = new Set([
  "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
  "http://purl.oclc.org/ooxml/wordprocessingml/main",
]);

function damaged(part: string): Error {
  return refuseDocx(
    `This Word file is damaged: its ${part} cannot be read. Open it in Word, save it again, and try again.`,
  );
}

/**
 * A tag: `/` if it closes, its name, then its attributes, quoted values read whole — a value may
 * hold `>` or `/>` (`w:x="/>"`), which must not end the tag or make it close itself. Values cannot
 * hold `<`, so every scan stops at the next tag: one pass, however the file is written.
 */
const TAG = /<(\/?)([^\s>/!?<]*)((?:[^>"'<]|"[^"<]*"|'[^'<]*')*)>/g;

/** Refuses nesting deeper than the limit, in one pass over the tags. */
function checkDepth(xml: string, part: string): void {
  let depth = 0;
  const tags = new RegExp(TAG);
  for (let match = tags.exec(xml); match; match = tags.exec(xml)) {
    if (match[1]) depth--;
    else if (!match[3].endsWith("/") && match[2]) depth++;
    if (depth > DOCX_LIMITS.xmlDepth) {
      throw refuseDocx(
        `This Word file's ${part} nests deeper than ${DOCX_LIMITS.xmlDepth} levels: it was not imported.`,
      );
    }
  }
}

/** The part's root element. `part` names it in messages ("text", "comments"). */
export function parseWordXml(bytes: Uint8Array, part: string): Element {
  let xml: string;
  try {
    xml = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw damaged(part);
  }
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) {
    throw refuseDocx(
      `This Word file's ${part} declares its own entities, which Word never writes: it was not imported.`,
    );
  }
  checkDepth(xml, part);
  try {
    const document = new DOMParser({
      locator: false,
      onError: (level, message) => {
        if (level !== "warning") throw new Error(message);
      },
    }).parseFromString(xml, "application/xml");
    const root = document.documentElement;
    if (!root) throw new Error("no root element");
    return root;
  } catch {
    throw damaged(part);
  }
}

/** Is it a WordprocessingML element of this local name? */
export function isWord(element: Element, name: string): boolean {
  return element.localName === name && WORD_NAMESPACES.has(element.namespaceURI ?? "");
}

/** The element children of a node, in order. */
export function childElements(node: Element): Element[] {
  const out: Element[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 1) out.push(child as Element);
  }
  return out;
}

/** The first WordprocessingML child of this name. */
export function wordChild(node: Element | null | undefined, name: string): Element | null {
  if (!node) return null;
  return childElements(node).find((child) => isWord(child, name)) ?? null;
}

/** Every WordprocessingML child of this name. */
export function wordChildren(node: Element | null | undefined, name: string): Element[] {
  if (!node) return [];
  return childElements(node).filter((child) => isWord(child, name));
}

/** An attribute by local name, whichever of Word's prefixes it carries (w:val, w15:done…). */
export function attribute(node: Element | null | undefined, name: string): string | null {
  if (!node) return null;
  for (let index = 0; index < node.attributes.length; index++) {
    const item = node.attributes.item(index);
    if (item && (item.localName ?? item.name) === name) return item.value;
  }
  return null;
}

/** A toggle property such as <w:b/> or <w:b w:val="false"/>. */
export function isOn(property: Element | null): boolean {
  if (!property) return false;
  const value = attribute(property, "val");
  return value === null || !["0", "false", "off", "none"].includes(value);
}
