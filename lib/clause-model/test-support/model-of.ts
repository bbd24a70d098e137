// For tests written against ProseMirror states (the suggest transform's): the clause model of a
// ProseMirror document, read the way the server reads it — stored into Yjs by the editor's own
// binding, then read by the clause model.
import type { Node } from "@tiptap/pm/model";
import { prosemirrorToYXmlFragment } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import { CLAUSE_FRAGMENT } from "@/lib/editor/extensions";
import type { ClauseModel } from "../clause-model";
import { type ProposalInText, proposalsInClause } from "../proposals-in-clause";
import { readClause } from "../read-clause";

export function modelOf(doc: Node): ClauseModel {
  const ydoc = new Y.Doc();
  prosemirrorToYXmlFragment(doc, ydoc.getXmlFragment(CLAUSE_FRAGMENT));
  return readClause(ydoc);
}

export function proposalsOf(doc: Node): ProposalInText[] {
  return proposalsInClause(modelOf(doc));
}
