// Reads a clause's text — the Yjs XML fragment CLAUSE_FRAGMENT — into the model in one go.
// Throws ClauseUnreadable when it is not a clause of the shared schema. Reads Yjs directly, never
// through the editor binding, which silently deletes what it cannot convert.
import type * as Y from "yjs";
import { CLAUSE_FRAGMENT } from "@/lib/editor/schema-names";
import type { ClauseModel } from "./clause-model";
import { type ReadCache, readBlock } from "./read-block";

export function readFragment(fragment: Y.XmlFragment, cache?: ReadCache): ClauseModel {
  // An empty fragment is a clause nobody has written in yet (the editor adds its paragraph).
  return { blocks: (fragment.toArray() as unknown[]).map((child) => readBlock(child, cache)) };
}

export function readClause(doc: Y.Doc): ClauseModel {
  return readFragment(doc.getXmlFragment(CLAUSE_FRAGMENT));
}
