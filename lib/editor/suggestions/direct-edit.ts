// The chair editing directly (Editing mode): words typed inside someone's proposal are the
// chair's own agreed words, not part of that delegation's proposal. ProseMirror would give new
// text the marks around it, crediting the chair's words to the delegation and letting a
// rejection of the proposal take them away; so the proposal marks are taken off whatever the
// transaction inserted.
import type { Transaction } from "@tiptap/pm/state";
import { SUGGESTION_MARKS } from "./proposal-author";

export function asDirectEdit(tr: Transaction): Transaction {
  const inserted: [number, number][] = [];
  tr.mapping.maps.forEach((map, index) => {
    const later = tr.mapping.slice(index + 1);
    map.forEach((_oldStart, _oldEnd, newStart, newEnd) => {
      if (newEnd > newStart) inserted.push([later.map(newStart, -1), later.map(newEnd, 1)]);
    });
  });
  for (const [from, to] of inserted) {
    for (const name of SUGGESTION_MARKS) {
      const type = tr.doc.type.schema.marks[name];
      if (type && from < to && tr.doc.rangeHasMark(from, to, type)) tr.removeMark(from, to, type);
    }
  }
  return tr;
}
