// The editor keeps brackets on agreed words: words proposed inside a bracket come out without it,
// in the same update (so an honest browser never sends what the guard refuses), while the
// chair's own words typed inside a bracket stay bracketed.
import { EditorState } from "@tiptap/pm/state";
import { describe, expect, it } from "vitest";
import { BRACKET, bracketsKeptToAgreedWords } from "./bracket-mark";
import { clauseSchema } from "./extensions";

const bracket = clauseSchema.marks[BRACKET].create({
  id: "00000000-0000-4000-8000-0000000000a1",
  organizationCode: "AUS",
});
const insertion = clauseSchema.marks.insertion.create({ id: "00000000-0000-4000-8000-0000000000c1" });

function bracketedClause(): EditorState {
  const doc = clauseSchema.node("doc", null, [
    clauseSchema.node("paragraph", null, [
      clauseSchema.text("Victims "),
      clauseSchema.text("and witnesses", [bracket]),
    ]),
  ]);
  return EditorState.create({ doc, schema: clauseSchema, plugins: [bracketsKeptToAgreedWords()] });
}

const marksOf = (state: EditorState, words: string) => {
  let names: string[] = [];
  state.doc.descendants((node) => {
    if (node.isText && node.text === words) names = node.marks.map((mark) => mark.type.name);
  });
  return names;
};

describe("brackets stay on agreed words", () => {
  it("takes a bracket off words proposed inside it, in the same update", () => {
    const state = bracketedClause();
    // Typing inside a bracket carries the marks there, as ProseMirror does.
    const tr = state.tr.insert(13, clauseSchema.text("young ", [bracket, insertion]));
    const { state: next, transactions } = state.applyTransaction(tr);
    expect(transactions).toHaveLength(2);
    expect(marksOf(next, "young ")).toEqual(["insertion"]);
    expect(marksOf(next, "and ")).toEqual([BRACKET]);
  });

  it("leaves the chair's direct words inside a bracket bracketed", () => {
    const state = bracketedClause();
    const { state: next, transactions } = state.applyTransaction(
      state.tr.insert(13, clauseSchema.text("all ", [bracket])),
    );
    expect(transactions).toHaveLength(1);
    expect(next.doc.textContent).toBe("Victims and all witnesses");
  });
});
