// Whether a presenter's view points at things that exist in the clause as the server holds it:
// paragraphs it has, and a selection whose relative positions resolve inside the clause's text.
// A view that names anything else is refused, so a following screen only ever receives a view
// of the text it shows.
import * as Y from "yjs";
import { CLAUSE_FRAGMENT } from "@/lib/editor/extensions";
import type { PresentedView, RelativePositionJson } from "./plenary-messages";

function insideClause(position: RelativePositionJson, doc: Y.Doc, fragment: Y.XmlFragment): boolean {
  const absolute = Y.createAbsolutePositionFromRelativePosition(Y.createRelativePositionFromJSON(position), doc);
  if (!absolute) return false;
  let type: Y.AbstractType<unknown> | null = absolute.type;
  while (type && type !== fragment) type = (type._item?.parent as Y.AbstractType<unknown> | null) ?? null;
  return type === fragment;
}

/** Why the view does not fit the clause, or null when it does. */
export function viewMisfit(view: PresentedView, doc: Y.Doc): string | null {
  const fragment = doc.getXmlFragment(CLAUSE_FRAGMENT);
  const paragraphs = fragment.length;
  if (view.focus !== null && view.focus >= paragraphs) return "the paragraph in focus is not in the clause";
  if (view.top > 0 && view.top >= paragraphs) return "the paragraph at the top is not in the clause";
  if (view.selection) {
    const { anchor, head } = view.selection;
    if (!insideClause(anchor, doc, fragment) || !insideClause(head, doc, fragment)) {
      return "the selection is not in the clause's text";
    }
  }
  return null;
}
