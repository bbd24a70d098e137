// Clause documents for unit tests: built with the shared schema and the editor's binding,
// plus a "browser" view of a selection as relative positions (as the composer sends it).
import { absolutePositionToRelativePosition, initProseMirrorDoc, prosemirrorJSONToYDoc } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import { CLAUSE_FRAGMENT, clauseSchema } from "@/lib/editor/extensions";
import { type AnchorRange, encodeAnchorPosition } from "./anchor-range";

export function clauseDoc(...paragraphs: string[]): Y.Doc {
  const json = {
    type: "doc",
    content: paragraphs.map((text) => ({ type: "paragraph", content: [{ type: "text", text }] })),
  };
  return prosemirrorJSONToYDoc(clauseSchema, json, CLAUSE_FRAGMENT);
}

/** The selection of `words` (first occurrence) as relative positions, as the browser would encode it. */
export function selectWords(doc: Y.Doc, words: string): AnchorRange {
  const fragment = doc.getXmlFragment(CLAUSE_FRAGMENT);
  const { doc: root, meta } = initProseMirrorDoc(fragment, clauseSchema);
  // Text nodes split where marks change, so search the text with each character's position.
  let text = "";
  const positions: number[] = [];
  root.descendants((node, pos) => {
    if (!node.isText || !node.text) return;
    for (let i = 0; i < node.text.length; i++) positions.push(pos + i);
    text += node.text;
  });
  const index = text.indexOf(words);
  if (index < 0) throw new Error(`"${words}" is not in the clause`);
  const from = positions[index];
  const to = positions[index + words.length - 1] + 1;
  return {
    from: encodeAnchorPosition(absolutePositionToRelativePosition(from, fragment, meta.mapping)),
    to: encodeAnchorPosition(absolutePositionToRelativePosition(to, fragment, meta.mapping)),
  };
}

/** The words each thread's anchor covers now, read through the editor's binding. */
export function anchoredText(doc: Y.Doc): Map<string, string> {
  const { doc: root } = initProseMirrorDoc(doc.getXmlFragment(CLAUSE_FRAGMENT), clauseSchema);
  const texts = new Map<string, string>();
  root.descendants((node) => {
    for (const mark of node.marks) {
      if (mark.type.name !== "commentAnchor") continue;
      const id = mark.attrs.threadId as string;
      texts.set(id, (texts.get(id) ?? "") + (node.text ?? ""));
    }
  });
  return texts;
}

export function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

export function plainText(doc: Y.Doc): string {
  const { doc: root } = initProseMirrorDoc(doc.getXmlFragment(CLAUSE_FRAGMENT), clauseSchema);
  return root.textBetween(0, root.content.size, "\n");
}
