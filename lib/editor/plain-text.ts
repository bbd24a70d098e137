// Plain text of a clause, read from its Yjs state with the shared schema (search, export, seed).
import { yXmlFragmentToProseMirrorRootNode } from "@tiptap/y-tiptap";
import type * as Y from "yjs";
import { CLAUSE_FRAGMENT, clauseSchema } from "./extensions";

export function yDocToPlainText(doc: Y.Doc): string {
  const root = yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(CLAUSE_FRAGMENT), clauseSchema);
  return root.textBetween(0, root.content.size, "\n\n", "\n");
}
