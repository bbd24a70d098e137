// Plain ProseMirror helpers for suggest-mode tests: a clause, a person, and edits made the way
// the editor makes them.
import type { Node } from "@tiptap/pm/model";
import { EditorState, type Transaction } from "@tiptap/pm/state";
import { clauseSchema } from "../extensions";
import type { ProposalAuthor } from "./proposal-author";
import { suggestTransaction } from "./suggest-transaction";

export const australia: ProposalAuthor = {
  authorId: "11111111-1111-4111-8111-111111111111",
  authorName: "Alice Delegate",
  organizationId: "aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa",
  organizationCode: "AUS",
  organizationName: "Australia",
  colour: "#1f77b4",
};

export const canada: ProposalAuthor = {
  authorId: "22222222-2222-4222-8222-222222222222",
  authorName: "Chris Delegate",
  organizationId: "cccccccc-cccc-4ccc-8ccc-cccccccccccc",
  organizationCode: "CAN",
  organizationName: "Canada",
  colour: "#d62728",
};

export function clause(...paragraphs: string[]): EditorState {
  const doc = clauseSchema.node(
    "doc",
    null,
    paragraphs.map((text) => clauseSchema.node("paragraph", null, text ? [clauseSchema.text(text)] : [])),
  );
  return EditorState.create({ doc, schema: clauseSchema });
}

let counter = 0;
/** Proposal ids as the browser makes them (UUIDs), numbered so a failing test can be read. */
export function idMaker(_prefix: string) {
  return () => `00000000-0000-4000-8000-${String(++counter).padStart(12, "0")}`;
}

/** The time the suggest helpers stamp on proposals. */
export const SUGGESTED_AT = "2026-11-28T10:00:00.000Z";

/** Applies `edit` in suggest mode as `author`; throws if the transform refuses it. */
export function suggest(state: EditorState, author: ProposalAuthor, edit: (tr: Transaction) => void): EditorState {
  const result = trySuggest(state, author, edit);
  if (!result.ok) throw new Error(result.reason);
  return result.state;
}

export function trySuggest(
  state: EditorState,
  author: ProposalAuthor,
  edit: (tr: Transaction) => void,
): { ok: true; state: EditorState } | { ok: false; reason: string } {
  const tr = state.tr;
  edit(tr);
  const result = suggestTransaction(tr, state, {
    author,
    now: () => SUGGESTED_AT,
    newId: idMaker(author.organizationCode),
  });
  return result.ok ? { ok: true, state: state.apply(result.transaction) } : result;
}

/** Position of the first occurrence of `words` in the document's text (inside a paragraph). */
export function find(doc: Node, words: string, occurrence = 0): number {
  let found = -1;
  let seen = 0;
  doc.descendants((node, pos) => {
    if (found >= 0 || !node.isText) return found < 0;
    let index = (node.text ?? "").indexOf(words);
    while (index >= 0 && found < 0) {
      if (seen === occurrence) found = pos + index;
      seen++;
      index = (node.text ?? "").indexOf(words, index + 1);
    }
    return false;
  });
  if (found < 0) throw new Error(`"${words}" not in the clause`);
  return found;
}

/** The clause as text with proposals spelt out: [+inserted+] and [-deleted-], by delegation. */
export function render(doc: Node): string {
  const blocks: string[] = [];
  doc.descendants((block) => {
    if (!block.isTextblock) return true;
    let out = "";
    block.forEach((child) => {
      const text = (child.text ?? "").replace(/\u200B/g, "");
      const ins = child.marks.find((m) => m.type.name === "insertion");
      const del = child.marks.find((m) => m.type.name === "deletion");
      if (ins) out += `[+${ins.attrs.organizationCode}:${text}+]`;
      else if (del) out += `[-${del.attrs.organizationCode}:${text}-]`;
      else out += text;
    });
    blocks.push(out);
    return false;
  });
  return blocks.join("\n");
}
