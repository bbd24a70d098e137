// A clause's Yjs text read as ProseMirror blocks, incrementally: each top-level block is
// converted once and kept until something inside it changes, so reading the clause after a
// keystroke costs one paragraph, not the whole clause. Blocks that did not change are the very
// same objects from one read to the next (changed-blocks.ts relies on that).
import type { Node } from "@tiptap/pm/model";
import { yXmlFragmentToProseMirrorFragment } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import { CLAUSE_FRAGMENT, clauseSchema } from "@/lib/editor/extensions";

// biome-ignore lint/suspicious/noExplicitAny: Yjs types are generic over their event type
type AnyType = Y.AbstractType<any>;

export type ClauseBlocks = {
  /** The top-level blocks as they are now. */
  read(): Node[];
  /** True if a transaction since the last `clearForeign` wrote anywhere but the clause text. */
  wroteElsewhere(): boolean;
  clearForeign(): void;
  destroy(): void;
};

function convert(element: Y.XmlElement): Node | null {
  // y-tiptap converts a fragment's children; a one-element list converts one block.
  const one = { toArray: () => [element] } as unknown as Y.XmlFragment;
  return yXmlFragmentToProseMirrorFragment(one, clauseSchema).firstChild;
}

export function clauseBlocks(doc: Y.Doc): ClauseBlocks {
  const fragment = doc.getXmlFragment(CLAUSE_FRAGMENT);
  const cache = new WeakMap<AnyType, Node | null>();
  let foreign = false;

  // Forget the top-level block around every change (paths must be read inside the callback).
  const onChange = (events: Y.YEvent<AnyType>[]) => {
    for (const event of events) {
      let type: AnyType | null = event.target;
      while (type && type.parent !== fragment && type !== fragment) type = type.parent as AnyType | null;
      if (type && type !== fragment) cache.delete(type);
    }
  };
  const onTransaction = (transaction: Y.Transaction) => {
    for (const type of transaction.changed.keys()) {
      let root: AnyType = type;
      while (root.parent) root = root.parent as AnyType;
      if (root !== fragment) foreign = true;
    }
  };
  fragment.observeDeep(onChange);
  doc.on("afterTransaction", onTransaction);

  return {
    read() {
      const blocks: Node[] = [];
      for (const child of fragment.toArray()) {
        if (!(child instanceof Y.XmlElement)) continue;
        let node = cache.get(child);
        if (node === undefined) {
          node = convert(child);
          cache.set(child, node);
        }
        if (node) blocks.push(node);
      }
      return blocks;
    },
    wroteElsewhere: () => foreign,
    clearForeign() {
      foreign = false;
    },
    destroy() {
      fragment.unobserveDeep(onChange);
      doc.off("afterTransaction", onTransaction);
    },
  };
}
