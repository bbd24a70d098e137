// The editor's underline follows the text: after any edit, redrawing only the paragraphs the edit
// touched gives exactly the underlines a full reading gives, and words proposed for deletion are
// never underlined.
import type { EditorState } from "@tiptap/pm/state";
import type { DecorationSet } from "@tiptap/pm/view";
import { describe, expect, it } from "vitest";
import { australia, clause, find, suggest } from "@/lib/editor/suggestions/test-support";
import { decorate, redecorate } from "./glossary-underline";
import { compileTerms } from "./match-terms";

const terms = compileTerms([
  { id: "cp", term: "child pornography" },
  { id: "minor", term: "minor" },
]);

const shown = (set: DecorationSet, state: EditorState) =>
  set.find().map((d) => `${d.spec.termId}:${state.doc.textBetween(d.from, d.to)}@${d.from}`);

function edited(state: EditorState, edit: (tr: EditorState["tr"]) => void): string[] {
  const before = decorate(state.doc, terms);
  const tr = state.tr;
  edit(tr);
  const after = state.apply(tr);
  const incremental = shown(redecorate(before, tr, terms), after);
  expect(incremental).toEqual(shown(decorate(after.doc, terms), after));
  return incremental;
}

describe("the glossary underline", () => {
  const start = () => clause("Offences of child pornography.", "A minor, and another minor.", "Nothing here.");

  it("follows typing, in the paragraph typed in and in the others", () => {
    const state = start();
    expect(edited(state, (tr) => tr.insertText("Minors ", find(state.doc, "Nothing")))).toHaveLength(4);
    expect(edited(state, (tr) => tr.insertText("Early ", 1))).toHaveLength(3);
    // A term broken up, and one made by joining words.
    expect(edited(state, (tr) => tr.insertText("x", find(state.doc, "pornography")))).toHaveLength(2);
    const typed = clause("child porn");
    expect(edited(typed, (tr) => tr.insertText("ography", typed.doc.content.size - 1))).toEqual([
      "cp:child pornography@1",
    ]);
  });

  it("follows paragraphs split, joined and deleted", () => {
    const state = start();
    edited(state, (tr) => tr.split(find(state.doc, "pornography")));
    edited(state, (tr) => tr.join(state.doc.firstChild?.nodeSize ?? 0));
    edited(state, (tr) => tr.delete(0, state.doc.firstChild?.nodeSize ?? 0));
  });

  it("does not underline words proposed for deletion", () => {
    const state = suggest(start(), australia, (tr) =>
      tr.delete(find(start().doc, "child"), find(start().doc, "child") + "child pornography".length),
    );
    expect(shown(decorate(state.doc, terms), state).filter((d) => d.startsWith("cp"))).toEqual([]);
  });
});
