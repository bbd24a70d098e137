// A clause's Yjs text read as ProseMirror blocks, incrementally: each block — a paragraph, a
// numbered sub-paragraph, a whole list — is converted once and kept until something inside it
// changes, so reading the clause after a keystroke costs one paragraph and the containers
// around it, not the whole clause. Blocks that did not change are the very same objects from one
// read to the next, at every depth (changed-blocks.ts relies on that).
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

/** A paragraph (or any block holding text), converted by y-tiptap as a whole read would. */
function convertWhole(element: Y.XmlElement): Node | null {
  // y-tiptap converts a fragment's children; a one-element list converts one block.
  const one = { toArray: () => [element] } as unknown as Y.XmlFragment;
  return yXmlFragmentToProseMirrorFragment(one, clauseSchema).firstChild;
}

export function clauseBlocks(doc: Y.Doc): ClauseBlocks {
  const fragment = doc.getXmlFragment(CLAUSE_FRAGMENT);
  const cache = new WeakMap<AnyType, Node | null>();
  let foreign = false;

  // Forget every block around a change, from the innermost out (paths must be read inside the callback).
  const onChange = (events: Y.YEvent<AnyType>[]) => {
    for (const event of events) {
      for (let type: AnyType | null = event.target; type && type !== fragment; type = type.parent as AnyType | null)
        cache.delete(type);
    }
  };

  function convert(element: Y.XmlElement): Node | null {
    const cached = cache.get(element);
    if (cached !== undefined) return cached;
    const children = element.toArray();
    let node: Node | null;
    if (children.length === 0 || children.some((child) => child instanceof Y.XmlText)) node = convertWhole(element);
    else {
      // A container (a list, a list item): built from its children, each from the cache if it can be.
      const inner = children.flatMap((child) => (child instanceof Y.XmlElement ? [convert(child)] : []));
      try {
        node = clauseSchema.node(
          element.nodeName,
          element.getAttributes(),
          inner.filter((n): n is Node => n !== null),
        );
      } catch {
        node = null; // content the schema does not allow: left out, as a whole read leaves it out
      }
    }
    cache.set(element, node);
    return node;
  }

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
        const node = child instanceof Y.XmlElement ? convert(child) : null;
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
