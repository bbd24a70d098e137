// Whether words sit in a numbered paragraph that is agreed or agreed ad referendum, read from a
// ProseMirror position of the clause: the server's commands that mark words (brackets,
// alternatives) refuse settled text, as the guard refuses a delegation's typing there.
import type { ResolvedPos } from "@tiptap/pm/model";
import { PARAGRAPH_STATUS_ATTRIBUTE } from "@/lib/editor/paragraph-status";
import type { LockedStatus } from "./locked-message";

export function lockedParagraph($pos: ResolvedPos): { number: number; status: LockedStatus } | null {
  // A top-level numbered list's item is a numbered paragraph (its sub-paragraphs share its status).
  if ($pos.depth < 2) return null;
  const list = $pos.node(1);
  const item = $pos.node(2);
  if (list.type.name !== "orderedList" || item.type.name !== "listItem") return null;
  const status = item.attrs[PARAGRAPH_STATUS_ATTRIBUTE];
  if (status !== "AGREED" && status !== "AGREED_AD_REF") return null;
  return { number: Number(list.attrs.start ?? 1) + $pos.index(1), status };
}
