// Accepting and rejecting proposals on the clause's Yjs text, as the server does.
import { Slice } from "@tiptap/pm/model";
import { EditorState } from "@tiptap/pm/state";
import { prosemirrorToYXmlFragment, yXmlFragmentToProseMirrorRootNode } from "@tiptap/y-tiptap";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { proposalsOf } from "@/lib/clause-model/test-support/model-of";
import { CLAUSE_FRAGMENT, clauseSchema } from "../extensions";
import { decideInFragment, type Outcome, type Selection } from "./decide-in-fragment";
import { australia, canada, clause, find, render, suggest } from "./test-support";

const CSAM = "States shall criminalize child pornography offences.";

function decide(state: EditorState, selection: Selection, outcome: Outcome) {
  const doc = new Y.Doc();
  const fragment = doc.getXmlFragment(CLAUSE_FRAGMENT);
  prosemirrorToYXmlFragment(state.doc, fragment);
  const touched = decideInFragment(fragment, selection, outcome);
  const result = yXmlFragmentToProseMirrorRootNode(fragment, clauseSchema);
  return { text: render(result), raw: result.textBetween(0, result.content.size, "\n"), touched, result };
}

function replacement(start = clause(CSAM)) {
  const from = find(start.doc, "child pornography");
  return suggest(start, australia, (tr) => tr.insertText("child sexual abuse material", from, from + 17));
}

const idOf = (state: EditorState, org: string) =>
  proposalsOf(state.doc).find((p) => p.author?.organizationCode === org)?.id as string;

describe("deciding proposals", () => {
  it("accepting an insertion keeps its words as agreed text", () => {
    const state = suggest(clause(CSAM), australia, (tr) => tr.insertText(" online", find(tr.doc, " offences")));
    expect(decide(state, "all", "ACCEPTED").text).toBe("States shall criminalize child pornography online offences.");
  });

  it("rejecting an insertion removes its words", () => {
    const state = suggest(clause(CSAM), australia, (tr) => tr.insertText(" online", find(tr.doc, " offences")));
    expect(decide(state, "all", "REJECTED").text).toBe(CSAM);
  });

  it("accepting a deletion removes the words; rejecting it keeps them unmarked", () => {
    const from = find(clause(CSAM).doc, " offences");
    const state = suggest(clause(CSAM), australia, (tr) => tr.delete(from, from + 9));
    expect(decide(state, "all", "ACCEPTED").text).toBe("States shall criminalize child pornography.");
    expect(decide(state, "all", "REJECTED").text).toBe(CSAM);
  });

  it("accepts a replacement as one proposal, and rejects it as one", () => {
    const state = replacement();
    expect(decide(state, new Set([idOf(state, "AUS")]), "ACCEPTED").text).toBe(
      "States shall criminalize child sexual abuse material offences.",
    );
    expect(decide(state, new Set([idOf(state, "AUS")]), "REJECTED").text).toBe(CSAM);
  });

  it("decides one proposal and leaves the others open", () => {
    let state = replacement();
    state = suggest(state, canada, (tr) =>
      tr.insertText(" Each", find(tr.doc, "States") + 6 + " shall criminalize".length - 18),
    );
    const { text, touched } = decide(state, new Set([idOf(state, "CAN")]), "REJECTED");
    expect(touched).toEqual(new Set([idOf(state, "CAN")]));
    expect(text).toBe(
      "States shall criminalize [-AUS:child pornography-][+AUS:child sexual abuse material+] offences.",
    );
  });

  it("accepts one delegation's proposal and rejects another's in the same clause", () => {
    let state = replacement();
    const at = find(state.doc, " offences");
    state = suggest(state, canada, (tr) => tr.insertText(" online", at));
    let doc = new Y.Doc();
    const fragment = doc.getXmlFragment(CLAUSE_FRAGMENT);
    prosemirrorToYXmlFragment(state.doc, fragment);
    decideInFragment(fragment, new Set([idOf(state, "AUS")]), "ACCEPTED");
    decideInFragment(fragment, new Set([idOf(state, "CAN")]), "REJECTED");
    expect(render(yXmlFragmentToProseMirrorRootNode(fragment, clauseSchema))).toBe(
      "States shall criminalize child sexual abuse material offences.",
    );
    doc = new Y.Doc();
  });

  it("accepts all with overlapping proposals: words typed inside another's insertion, deletions over deletions", () => {
    let state = suggest(clause(CSAM), australia, (tr) => tr.insertText(" online", find(tr.doc, " offences")));
    state = suggest(state, canada, (tr) => tr.insertText(" and offline", find(tr.doc, "online") + 6));
    const from = find(state.doc, "child");
    state = suggest(state, australia, (tr) => tr.delete(from, from + 6));
    state = suggest(state, canada, (tr) => tr.delete(from, from + 17));
    expect(proposalsOf(state.doc).length).toBeGreaterThanOrEqual(4);
    expect(decide(state, "all", "ACCEPTED").text).toBe("States shall criminalize  online and offline offences.");
    expect(decide(state, "all", "REJECTED").text).toBe(CSAM);
  });

  it("accepting a proposed paragraph break keeps two clean paragraphs; rejecting it joins them again", () => {
    const start = clause(CSAM, "Second paragraph.");
    const state = suggest(start, australia, (tr) => tr.split(find(tr.doc, " offences")));
    const accepted = decide(state, "all", "ACCEPTED");
    expect(accepted.raw).toBe("States shall criminalize child pornography\n offences.\nSecond paragraph.");
    expect(accepted.raw).not.toContain("\u200B");
    const rejected = decide(state, "all", "REJECTED");
    expect(rejected.raw).toBe(`${CSAM}\nSecond paragraph.`);
  });

  it("accepting a proposed paragraph join joins them; rejecting it keeps both", () => {
    const start = clause(CSAM, "Second paragraph.");
    const at = find(start.doc, "Second");
    const state = suggest(start, australia, (tr) => tr.delete(at - 2, at));
    expect(decide(state, "all", "ACCEPTED").raw).toBe(`${CSAM}Second paragraph.`);
    expect(decide(state, "all", "REJECTED").raw).toBe(`${CSAM}\nSecond paragraph.`);
  });

  it("rejecting pasted paragraphs restores the clause exactly", () => {
    const start = clause(CSAM, "Second paragraph.");
    const pasted = new Slice(
      clauseSchema.node("doc", null, [
        clauseSchema.node("paragraph", null, [clauseSchema.text("one")]),
        clauseSchema.node("paragraph", null, [clauseSchema.text("two")]),
        clauseSchema.node("paragraph", null, [clauseSchema.text("three")]),
      ]).content,
      1,
      1,
    );
    const at = find(start.doc, " offences");
    const state = suggest(start, australia, (tr) => tr.replace(at, at, pasted));
    expect(decide(state, "all", "REJECTED").raw).toBe(`${CSAM}\nSecond paragraph.`);
    expect(decide(state, "all", "ACCEPTED").raw).toBe(
      "States shall criminalize child pornographyone\ntwo\nthree offences.\nSecond paragraph.",
    );
  });

  it("rejecting a whole proposed paragraph removes the paragraph", () => {
    const start = clause(CSAM, "Second paragraph.");
    const end = start.doc.child(0).nodeSize;
    const paragraph = new Slice(
      clauseSchema.node("doc", null, [clauseSchema.node("paragraph", null, [clauseSchema.text("New paragraph.")])])
        .content,
      0,
      0,
    );
    const state = suggest(start, australia, (tr) => tr.replace(end, end, paragraph));
    expect(decide(state, "all", "REJECTED").raw).toBe(`${CSAM}\nSecond paragraph.`);
    expect(decide(state, "all", "ACCEPTED").raw).toBe(`${CSAM}\nNew paragraph.\nSecond paragraph.`);
  });

  it("handles a proposed new numbered paragraph (a list item split), accepted or rejected", () => {
    const list = clauseSchema.node("doc", null, [
      clauseSchema.node("orderedList", null, [
        clauseSchema.node("listItem", null, [
          clauseSchema.node("paragraph", null, [clauseSchema.text("Creating material;")]),
        ]),
        clauseSchema.node("listItem", null, [
          clauseSchema.node("paragraph", null, [clauseSchema.text("Possessing it.")]),
        ]),
      ]),
    ]);
    const start = EditorState.create({ doc: list });
    const at = find(start.doc, " material");
    let state = suggest(start, australia, (tr) => tr.split(at, 2));
    state = suggest(state, australia, (tr) => tr.insertText("Offering", find(tr.doc, " material")));
    expect(state.doc.child(0).childCount).toBe(3);
    expect(decide(state, "all", "REJECTED").raw).toBe("Creating material;\nPossessing it.");
    const accepted = decide(state, "all", "ACCEPTED");
    expect(accepted.result.child(0).childCount).toBe(3);
    expect(accepted.raw).not.toContain("\u200B");
  });

  it("handles a new empty numbered paragraph proposed at the end of a list", () => {
    const list = clauseSchema.node("doc", null, [
      clauseSchema.node("orderedList", null, [
        clauseSchema.node("listItem", null, [
          clauseSchema.node("paragraph", null, [clauseSchema.text("Possessing it.")]),
        ]),
      ]),
    ]);
    const start = EditorState.create({ doc: list });
    const end = find(start.doc, "it.") + 3;
    let state = suggest(start, australia, (tr) => tr.split(end, 2));
    state = suggest(state, australia, (tr) => tr.insertText("Offering it.", state.doc.content.size - 3));
    expect(state.doc.child(0).childCount).toBe(2);
    expect(decide(state, "all", "REJECTED").raw).toBe("Possessing it.");
    expect(decide(state, "all", "ACCEPTED").raw).toBe("Possessing it.\nOffering it.");
  });

  it("rejecting proposed paragraphs broken in two leaves no empty paragraph behind", () => {
    const start = clause(CSAM, "Second paragraph.");
    let state = suggest(start, australia, (tr) => tr.split(find(tr.doc, "Second") - 2));
    state = suggest(state, australia, (tr) => tr.insertText("New words here.", find(tr.doc, "Second") - 2));
    state = suggest(state, australia, (tr) => tr.split(find(tr.doc, " here.")));
    expect(state.doc.childCount).toBe(4);
    const rejected = decide(state, "all", "REJECTED");
    expect(rejected.raw).toBe(`${CSAM}\nSecond paragraph.`);
    expect(rejected.result.childCount).toBe(2);
    // Two whole paragraphs pasted between agreed ones, rejected.
    const between = find(start.doc, "Second") - 1;
    const two = clause("Pasted one.", "Pasted two.").doc.slice(
      0,
      clause("Pasted one.", "Pasted two.").doc.content.size,
    );
    const pasted = suggest(start, australia, (tr) => tr.replace(between, between, two));
    expect(pasted.doc.childCount).toBe(4);
    expect(decide(pasted, "all", "REJECTED").result.childCount).toBe(2);
    // Two proposed paragraphs inside a proposed break of one agreed paragraph: it comes back whole.
    let inside = suggest(clause(CSAM), australia, (tr) => tr.split(find(tr.doc, " offences")));
    inside = suggest(inside, australia, (tr) => tr.split(find(tr.doc, " offences")));
    inside = suggest(inside, australia, (tr) => tr.insertText("X", find(tr.doc, " offences")));
    inside = suggest(inside, australia, (tr) => tr.split(find(tr.doc, " offences")));
    inside = suggest(inside, australia, (tr) => tr.insertText("Y", find(tr.doc, " offences")));
    expect(inside.doc.childCount).toBe(4);
    expect(decide(inside, "all", "REJECTED").raw).toBe(CSAM);
    // And where nothing was agreed before: a new clause's proposed paragraphs, all rejected.
    const fresh = suggest(clause(""), australia, (tr) => tr.insertText("First words", 1));
    const broken = suggest(fresh, australia, (tr) => tr.split(find(tr.doc, " words")));
    expect(decide(broken, "all", "REJECTED").result.childCount).toBe(1);
  });
});
