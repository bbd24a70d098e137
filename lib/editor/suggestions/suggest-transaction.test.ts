// The suggest-mode transform on plain ProseMirror, without a browser.

import { history, redo, undo } from "@tiptap/pm/history";
import { Fragment, Slice } from "@tiptap/pm/model";
import { type Command, EditorState } from "@tiptap/pm/state";
import { describe, expect, it } from "vitest";
import { proposalsOf } from "@/lib/clause-model/test-support/model-of";
import { clauseSchema } from "../extensions";
import { asDirectEdit } from "./direct-edit";
import { pastedSlice } from "./pasted-slice";
import { australia, canada, clause, find, render, suggest, trySuggest } from "./test-support";

function apply(state: EditorState, command: Command): EditorState {
  let next = state;
  command(state, (tr) => {
    next = state.apply(tr);
  });
  return next;
}

const CSAM = "States shall criminalize child pornography offences.";

describe("suggest mode", () => {
  it("turns typed text into a proposed insertion attributed to the delegation", () => {
    const state = suggest(clause(CSAM), australia, (tr) => tr.insertText(" online", find(tr.doc, " offences")));
    expect(render(state.doc)).toBe("States shall criminalize child pornography[+AUS: online+] offences.");
    const [proposal] = proposalsOf(state.doc);
    expect(proposal).toMatchObject({ kind: "INSERTION", insertedText: " online", deletedText: "" });
    expect(proposal.author).toEqual(australia);
    expect(proposal.at).toBe("2026-11-28T10:00:00.000Z");
    expect(proposal.contextBefore).toBe("States shall criminalize child pornography");
    expect(proposal.contextAfter).toBe(" offences.");
  });

  it("marks deleted text as proposed for deletion instead of removing it", () => {
    const from = find(clause(CSAM).doc, " offences");
    const state = suggest(clause(CSAM), australia, (tr) => tr.delete(from, from + " offences".length));
    expect(render(state.doc)).toBe("States shall criminalize child pornography[-AUS: offences-].");
    expect(state.doc.textContent).toContain("offences");
    expect(proposalsOf(state.doc)[0]).toMatchObject({ kind: "DELETION", deletedText: " offences" });
  });

  it("makes selecting and typing over text one proposed replacement", () => {
    const start = clause(CSAM);
    const from = find(start.doc, "child pornography");
    const state = suggest(start, australia, (tr) =>
      tr.insertText("child sexual abuse material", from, from + "child pornography".length),
    );
    expect(render(state.doc)).toBe(
      "States shall criminalize [-AUS:child pornography-][+AUS:child sexual abuse material+] offences.",
    );
    const proposals = proposalsOf(state.doc);
    expect(proposals).toHaveLength(1);
    expect(proposals[0]).toMatchObject({
      kind: "REPLACEMENT",
      deletedText: "child pornography",
      insertedText: "child sexual abuse material",
    });
  });

  it("proposes pasted paragraphs as insertions", () => {
    const start = clause(CSAM);
    const pasted = new Slice(
      clauseSchema.node("doc", null, [
        clauseSchema.node("paragraph", null, [clauseSchema.text("including grooming")]),
        clauseSchema.node("paragraph", null, [clauseSchema.text("and solicitation")]),
      ]).content,
      1,
      1,
    );
    const at = find(start.doc, " offences");
    const state = suggest(start, australia, (tr) => tr.replace(at, at, pasted));
    expect(render(state.doc)).toBe(
      "States shall criminalize child pornography[+AUS:including grooming+]\n[+AUS:and solicitation+] offences.",
    );
    expect(proposalsOf(state.doc).map((p) => p.author?.organizationCode)).toEqual(["AUS"]);
  });

  it("proposes the deletion of a whole paragraph by striking its text", () => {
    const start = clause(CSAM, "Second paragraph.", "Third.");
    const from = start.doc.child(0).nodeSize;
    const to = from + start.doc.child(1).nodeSize;
    const state = suggest(start, australia, (tr) => tr.delete(from, to));
    expect(render(state.doc)).toBe(`${CSAM}\n[-AUS:Second paragraph.-]\nThird.`);
  });

  it("undoes and redoes proposals like any other edit", () => {
    let state = EditorState.create({ doc: clause(CSAM).doc, plugins: [history()] });
    state = suggest(state, australia, (tr) => tr.insertText(" online", find(tr.doc, " offences")));
    const proposed = state.doc;
    state = apply(state, undo);
    expect(render(state.doc)).toBe(CSAM);
    state = apply(state, redo);
    expect(state.doc.eq(proposed)).toBe(true);
  });

  it("makes a word typed letter by letter one proposal, in one run of marks", () => {
    let state = clause(CSAM);
    let at = find(state.doc, " offences");
    for (const letter of " online") {
      state = suggest(state, australia, (tr) => tr.insertText(letter, at));
      at += 1;
    }
    expect(proposalsOf(state.doc)).toHaveLength(1);
    let runs = 0;
    state.doc.descendants((node) => {
      if (node.isText && node.marks.some((mark) => mark.type.name === "insertion")) runs++;
    });
    expect(runs).toBe(1);
    expect(render(state.doc)).toBe("States shall criminalize child pornography[+AUS: online+] offences.");
  });

  it("lets a delegate revise their own proposal by typing inside it", () => {
    let state = suggest(clause(CSAM), australia, (tr) => tr.insertText(" online", find(tr.doc, " offences")));
    state = suggest(state, australia, (tr) => tr.insertText(" and offline", find(tr.doc, "online") + "online".length));
    const proposals = proposalsOf(state.doc);
    expect(proposals).toHaveLength(1);
    expect(proposals[0].insertedText).toBe(" online and offline");
  });

  it("lets a delegate erase part of their own proposed insertion for real", () => {
    let state = suggest(clause(CSAM), australia, (tr) => tr.insertText(" online", find(tr.doc, " offences")));
    const at = find(state.doc, "online");
    state = suggest(state, australia, (tr) => tr.delete(at, at + "on".length));
    expect(render(state.doc)).toBe("States shall criminalize child pornography[+AUS: line+] offences.");
  });

  it("keeps text typed next to another delegation's proposal as the typist's own", () => {
    let state = suggest(clause(CSAM), australia, (tr) => tr.insertText(" online", find(tr.doc, " offences")));
    const end = find(state.doc, "online") + "online".length;
    state = suggest(state, canada, (tr) => tr.insertText(" and offline", end));
    const proposals = proposalsOf(state.doc);
    expect(proposals.map((p) => [p.author?.organizationCode, p.insertedText])).toEqual([
      ["AUS", " online"],
      ["CAN", " and offline"],
    ]);
    expect(new Set(proposals.map((p) => p.id)).size).toBe(2);
  });

  it("keeps text typed inside another delegation's proposal as the typist's own", () => {
    let state = suggest(clause(CSAM), australia, (tr) => tr.insertText(" online", find(tr.doc, " offences")));
    const middle = find(state.doc, "line");
    state = suggest(state, canada, (tr) => tr.insertText("-", middle));
    const byOrg = Object.fromEntries(proposalsOf(state.doc).map((p) => [p.author?.organizationCode, p.insertedText]));
    expect(byOrg).toEqual({ AUS: " online", CAN: "-" });
  });

  it("refuses, with a reason, to erase another delegation's proposed insertion", () => {
    const state = suggest(clause(CSAM), australia, (tr) => tr.insertText(" online", find(tr.doc, " offences")));
    const at = find(state.doc, "online");
    const result = trySuggest(state, canada, (tr) => tr.delete(at, at + 3));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain("another delegation's proposal (Australia)");
  });

  it("refuses a deletion that spans agreed text and another delegation's insertion", () => {
    const state = suggest(clause(CSAM), australia, (tr) => tr.insertText(" online", find(tr.doc, " offences")));
    const from = find(state.doc, "pornography");
    const to = find(state.doc, "offences");
    expect(trySuggest(state, canada, (tr) => tr.delete(from, to)).ok).toBe(false);
  });

  it("deletes across agreed text and the typist's own insertion: own words go, agreed words are struck", () => {
    let state = suggest(clause(CSAM), australia, (tr) => tr.insertText(" online", find(tr.doc, " offences")));
    const from = find(state.doc, "pornography");
    const to = find(state.doc, " offences");
    state = suggest(state, australia, (tr) => tr.delete(from, to));
    expect(render(state.doc)).toBe("States shall criminalize child [-AUS:pornography-] offences.");
  });

  it("lets another delegation strike text already proposed for deletion without taking it over", () => {
    const start = clause(CSAM);
    const from = find(start.doc, "child pornography");
    let state = suggest(start, australia, (tr) => tr.delete(from, from + "child".length));
    const to = find(state.doc, " offences");
    state = suggest(state, canada, (tr) => tr.delete(from, to));
    const proposals = proposalsOf(state.doc);
    const aus = proposals.find((p) => p.author?.organizationCode === "AUS");
    expect(aus?.deletedText).toBe("child");
    expect(proposals.some((p) => p.author?.organizationCode === "CAN")).toBe(true);
  });

  it("treats typing inside a proposed deletion as a new insertion, leaving the deletion whole", () => {
    const start = clause(CSAM);
    const from = find(start.doc, "pornography");
    let state = suggest(start, australia, (tr) => tr.delete(from, from + "pornography".length));
    state = suggest(state, canada, (tr) => tr.insertText("X", from + 4));
    const proposals = proposalsOf(state.doc);
    expect(proposals.find((p) => p.author?.organizationCode === "AUS")?.deletedText).toBe("pornography");
    expect(proposals.find((p) => p.author?.organizationCode === "CAN")?.insertedText).toBe("X");
  });

  it("proposes a paragraph break rather than making one", () => {
    const start = clause(CSAM);
    const at = find(start.doc, " offences");
    const state = suggest(start, australia, (tr) => tr.split(at));
    expect(state.doc.childCount).toBe(2);
    expect(proposalsOf(state.doc).every((p) => p.author?.organizationCode === "AUS")).toBe(true);
  });

  it("refuses formatting changes in suggest mode", () => {
    const result = trySuggest(clause(CSAM), australia, (tr) => tr.addMark(1, 7, clauseSchema.marks.bold.create()));
    expect(result.ok).toBe(false);
  });

  it("refuses a change of numbering carried inside a larger edit (it would be a formatting proposal)", () => {
    const item = clauseSchema.node("listItem", null, [clauseSchema.node("paragraph", null, [clauseSchema.text(CSAM)])]);
    const numbered = EditorState.create({
      doc: clauseSchema.node("doc", null, [clauseSchema.node("orderedList", null, [item])]),
    });
    const result = trySuggest(numbered, australia, (tr) => {
      tr.insertText(" online", find(tr.doc, " offences"));
      tr.setNodeAttribute(0, "type", "a");
    });
    expect(result).toMatchObject({ ok: false, reason: expect.stringMatching(/Formatting cannot be proposed/) });
  });

  it("gives a deletion next to one's own insertion an id of its own: an id keeps its kind", () => {
    const typed = suggest(clause(CSAM), australia, (tr) => tr.insertText(" online", find(tr.doc, " offences")));
    const at = find(typed.doc, " offences");
    const struck = suggest(typed, australia, (tr) => tr.delete(at, at + " offences".length));
    const proposals = proposalsOf(struck.doc);
    expect(proposals.map((p) => p.kind).sort()).toEqual(["DELETION", "INSERTION"]);
    expect(new Set(proposals.map((p) => p.id)).size).toBe(2);
  });

  it("never stamps another person's name on existing marks", () => {
    let state = suggest(clause(CSAM), australia, (tr) => tr.insertText(" online", find(tr.doc, " offences")));
    state = suggest(state, canada, (tr) => tr.insertText("Each ", 1));
    const aus = proposalsOf(state.doc).find((p) => p.insertedText === " online");
    expect(aus?.author).toEqual(australia);
  });

  it("refuses to propose a line break, and pasted line breaks become spaces", () => {
    const start = clause(CSAM);
    const at = find(start.doc, " offences");
    const result = trySuggest(start, australia, (tr) => tr.insert(at, clauseSchema.nodes.hardBreak.create()));
    expect(result).toMatchObject({ ok: false, reason: expect.stringMatching(/line break cannot be proposed/) });
    const pasted = new Slice(
      Fragment.from(
        clauseSchema.node("paragraph", null, [
          clauseSchema.text("one"),
          clauseSchema.nodes.hardBreak.create(),
          clauseSchema.text("two"),
        ]),
      ),
      1,
      1,
    );
    const state = suggest(start, australia, (tr) => tr.replace(at, at, pastedSlice(pasted, { suggesting: true })));
    expect(render(state.doc)).toBe("States shall criminalize child pornography[+AUS:one two+] offences.");
  });

  it("pastes words copied from someone else's proposal as one's own, not theirs", () => {
    const proposed = suggest(clause(CSAM), canada, (tr) => tr.insertText(" online", find(tr.doc, " offences")));
    const from = find(proposed.doc, " online");
    const copied = proposed.doc.slice(from, from + " online".length);
    const end = find(proposed.doc, ".");
    // Suggesting: the pasted words become Australia's proposal.
    const suggested = suggest(proposed, australia, (tr) =>
      tr.replace(end, end, pastedSlice(copied, { suggesting: true })),
    );
    expect(render(suggested.doc)).toBe(
      "States shall criminalize child pornography[+CAN: online+] offences[+AUS: online+].",
    );
    // Editing directly (the chair): the pasted words are plain agreed words, with no one's name on them.
    const tr = proposed.tr.replace(end, end, pastedSlice(copied, { suggesting: false }));
    expect(render(proposed.apply(tr).doc)).toBe(
      "States shall criminalize child pornography[+CAN: online+] offences online.",
    );
  });

  it("keeps the chair's direct words out of a delegation's proposal they are typed into", () => {
    const proposed = suggest(clause(CSAM), canada, (tr) => tr.insertText(" online", find(tr.doc, " offences")));
    const inside = find(proposed.doc, "line");
    const typed = proposed.apply(asDirectEdit(proposed.tr.insertText("-and-off", inside)));
    expect(render(typed.doc)).toBe(
      "States shall criminalize child pornography[+CAN: on+]-and-off[+CAN:line+] offences.",
    );
    // Without it, ProseMirror would credit the chair's words to Canada.
    const plain = proposed.apply(proposed.tr.insertText("-and-off", inside));
    expect(render(plain.doc)).toContain("[+CAN: on-and-offline+]");
  });
});
