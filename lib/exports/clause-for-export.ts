// A clause's text as an export shows it, read from its stored Yjs state with the shared schema.
// The clean variant settles every open proposal as rejected on a private copy, with the same
// code the chair's "reject" uses, so the agreed text on paper is exactly what rejecting all
// proposals would leave (a proposed paragraph break joined again, a proposed paragraph gone).
import type { Node } from "@tiptap/pm/model";
import { yXmlFragmentToProseMirrorRootNode } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import { CLAUSE_FRAGMENT, clauseSchema } from "@/lib/editor/extensions";
import { decideInFragment } from "@/lib/editor/suggestions/decide-in-fragment";
import type { ExportVariant } from "./export-variant";

export function clauseForExport(state: Uint8Array | null, variant: ExportVariant): Node {
  const doc = new Y.Doc();
  try {
    if (state) Y.applyUpdate(doc, state);
    const fragment = doc.getXmlFragment(CLAUSE_FRAGMENT);
    if (variant === "clean") decideInFragment(fragment, "all", "REJECTED");
    return yXmlFragmentToProseMirrorRootNode(fragment, clauseSchema);
  } finally {
    doc.destroy();
  }
}
