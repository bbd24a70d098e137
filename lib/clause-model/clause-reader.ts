// A clause's reading kept up to date incrementally: each element (paragraph, list, list item) is
// read once and kept until something inside it changes (observeDeep), so reading the clause
// after a keystroke costs one paragraph and the containers around it. Elements that did not
// change are the very same objects from one read to the next, at every depth
// (changed-blocks.ts relies on that).
import * as Y from "yjs";
import { CLAUSE_FRAGMENT } from "@/lib/editor/schema-names";
import type { ClauseModel } from "./clause-model";
import type { ReadCache } from "./read-block";
import { readFragment } from "./read-clause";

// biome-ignore lint/suspicious/noExplicitAny: Yjs types are generic over their event type
type AnyType = Y.AbstractType<any>;

export type ClauseReader = {
  /** The clause as it reads now; throws ClauseUnreadable if it is not a clause. */
  read(): ClauseModel;
  /** True if a transaction since the last `clearForeign` wrote anywhere but the clause text. */
  wroteElsewhere(): boolean;
  clearForeign(): void;
  destroy(): void;
};

export function clauseReader(doc: Y.Doc): ClauseReader {
  const fragment = doc.getXmlFragment(CLAUSE_FRAGMENT);
  let cache: ReadCache = new WeakMap();
  // The whole reading, until anything in the text changes.
  let model: ClauseModel | null = null;
  let foreign = false;

  // Forget every element around a change, from the innermost out (paths must be read inside the callback).
  const onChange = (events: Y.YEvent<AnyType>[]) => {
    model = null;
    for (const event of events) {
      for (let type: AnyType | null = event.target; type && type !== fragment; type = type.parent as AnyType | null) {
        if (type instanceof Y.XmlElement) cache.delete(type);
        // Something that is not an element changed (a nested shared type): start afresh.
        else if (!(type instanceof Y.XmlText)) cache = new WeakMap();
      }
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
    read: () => {
      model ??= readFragment(fragment, cache);
      return model;
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
