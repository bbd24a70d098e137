// The suggest-only rule on plain ProseMirror: every honest suggest-mode edit passes (it leaves
// the agreed text and its structure as they were); direct edits of words, paragraphs, numbering
// and line breaks, and edits of someone else's proposal, are refused.
import type { Node } from "@tiptap/pm/model";
import { liftListItem, wrapInList } from "@tiptap/pm/schema-list";
import { EditorState, TextSelection, type Transaction } from "@tiptap/pm/state";
import { initProseMirrorDoc, prosemirrorToYXmlFragment, updateYFragment } from "@tiptap/y-tiptap";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { clauseReader } from "@/lib/clause-model/clause-reader";
import { modelOf, proposalsOf } from "@/lib/clause-model/test-support/model-of";
import { CLAUSE_FRAGMENT, clauseSchema } from "@/lib/editor/extensions";
import { australia, canada, clause, find, SUGGESTED_AT, suggest } from "@/lib/editor/suggestions/test-support";
import { changedBlocks } from "./changed-blocks";
import { checkSuggestion } from "./check-suggestion";

const TEXT = "States shall criminalize child pornography offences.";
const SECOND = "Each State shall protect victims.";

const blocks = (doc: Node) => modelOf(doc).blocks;
const at = { now: Date.parse(SUGGESTED_AT) };
const verdict = (before: EditorState, after: EditorState, me = australia) =>
  checkSuggestion(blocks(before.doc), blocks(after.doc), me, at);
const direct = (state: EditorState, edit: (tr: Transaction) => void) => {
  const tr = state.tr;
  edit(tr);
  return state.apply(tr);
};

function numbered(...items: string[]): EditorState {
  const listItems = items.map((text) =>
    clauseSchema.node("listItem", null, [clauseSchema.node("paragraph", null, [clauseSchema.text(text)])]),
  );
  return EditorState.create({
    doc: clauseSchema.node("doc", null, [clauseSchema.node("orderedList", null, listItems)]),
  });
}

describe("honest proposals pass", () => {
  const cases: [string, EditorState, (tr: Transaction) => void][] = [
    ["typing", clause(TEXT), (tr) => tr.insertText(" online", find(tr.doc, " offences"))],
    ["deleting", clause(TEXT), (tr) => tr.delete(find(tr.doc, " offences"), find(tr.doc, "."))],
    [
      "replacing",
      clause(TEXT),
      (tr) => tr.insertText("child sexual abuse material", find(tr.doc, "child"), find(tr.doc, " offences")),
    ],
    ["a paragraph break (Enter)", clause(TEXT), (tr) => tr.split(find(tr.doc, " offences"))],
    ["a break at the end of a paragraph", clause(TEXT, SECOND), (tr) => tr.split(find(tr.doc, "Each") - 2)],
    [
      "deleting across two paragraphs",
      clause(TEXT, SECOND),
      (tr) => tr.delete(find(tr.doc, "offences"), find(tr.doc, " State")),
    ],
    [
      "deleting a whole paragraph",
      clause(TEXT, SECOND),
      (tr) => tr.delete(find(tr.doc, "Each") - 1, tr.doc.content.size),
    ],
    [
      "pasting two paragraphs",
      clause(TEXT),
      (tr) =>
        tr.replace(
          find(tr.doc, " offences"),
          find(tr.doc, " offences"),
          EditorState.create({ doc: clause("one", "two").doc }).doc.slice(1, 10),
        ),
    ],
    [
      "a new numbered paragraph",
      numbered("Creating material;", "Possessing it."),
      (tr) => tr.split(find(tr.doc, " material"), 2),
    ],
  ];
  for (const [name, start, edit] of cases) {
    it(name, () => {
      const after = suggest(start, australia, edit);
      expect(after.doc.eq(start.doc)).toBe(false);
      expect(verdict(start, after)).toEqual({ ok: true });
    });
  }

  it("a break inside one's own proposed paragraph, in the middle of the clause", () => {
    const start = clause(TEXT, SECOND);
    const added = suggest(start, australia, (tr) => tr.split(find(tr.doc, "Each") - 2));
    const typed = suggest(added, australia, (tr) => tr.insertText("A new sentence here.", find(tr.doc, "Each") - 2));
    const broken = suggest(typed, australia, (tr) => tr.split(find(tr.doc, " sentence")));
    expect(broken.doc.childCount).toBe(4);
    expect(verdict(start, broken)).toEqual({ ok: true });
    expect(verdict(typed, broken)).toEqual({ ok: true });
  });

  it("writing the first words of an empty clause, and emptying it again", () => {
    const blank = clause("");
    const typed = suggest(blank, australia, (tr) => tr.insertText("First words", 1));
    const broken = suggest(typed, australia, (tr) => tr.split(find(tr.doc, " words")));
    // The shared text of a new clause has no paragraph at all until someone writes.
    expect(checkSuggestion([], blocks(typed.doc), australia, at)).toEqual({ ok: true });
    expect(checkSuggestion([], blocks(broken.doc), australia, at)).toEqual({ ok: true });
    expect(verdict(typed, blank)).toEqual({ ok: true });
  });

  it("typing inside one's own proposed paragraph, then undoing the break", () => {
    const start = clause(TEXT);
    const split = suggest(start, australia, (tr) => tr.split(find(tr.doc, " offences")));
    const typed = suggest(split, australia, (tr) => tr.insertText("new words ", find(tr.doc, " offences")));
    expect(verdict(split, typed)).toEqual({ ok: true });
    // Taking the proposed break back (its marks and the boundary go together) is fine too.
    expect(verdict(split, start)).toEqual({ ok: true });
  });
});

describe("direct edits are refused", () => {
  const refusedFor = (before: EditorState, after: EditorState, me = australia) => {
    const result = verdict(before, after, me);
    expect(result.ok).toBe(false);
    return result.ok ? "" : result.reason;
  };

  it("words typed without a proposal", () => {
    const start = clause(TEXT);
    expect(
      refusedFor(
        start,
        direct(start, (tr) => tr.insertText("X", 3)),
      ),
    ).toMatch(/agreed text/);
  });

  it("a paragraph split without a proposal", () => {
    const start = clause(TEXT);
    expect(
      refusedFor(
        start,
        direct(start, (tr) => tr.split(find(tr.doc, " offences"))),
      ),
    ).toMatch(/structure/);
  });

  it("two paragraphs joined without a proposal", () => {
    const start = clause(TEXT, SECOND);
    expect(
      refusedFor(
        start,
        direct(start, (tr) => tr.join(find(tr.doc, "Each") - 1)),
      ),
    ).toMatch(/structure/);
  });

  it("a paragraph turned into a numbered paragraph", () => {
    const start = clause(TEXT);
    let after = start;
    wrapInList(clauseSchema.nodes.orderedList)(start, (tr) => {
      after = start.apply(tr);
    });
    expect(after.doc.firstChild?.type.name).toBe("orderedList");
    refusedFor(start, after);
  });

  it("a numbered paragraph lifted out of its list (outdent)", () => {
    const start = numbered("Creating material;", "Possessing it.");
    const at = find(start.doc, "Possessing");
    const inSecond = start.apply(start.tr.setSelection(TextSelection.create(start.doc, at)));
    let after = start;
    liftListItem(clauseSchema.nodes.listItem)(inSecond, (tr) => {
      after = inSecond.apply(tr);
    });
    expect(after.doc.eq(start.doc)).toBe(false);
    refusedFor(start, after);
  });

  it("an empty numbered paragraph added to a list (it renumbers the rest)", () => {
    const start = numbered("Creating material;", "Possessing it.");
    const item = clauseSchema.node("listItem", null, [clauseSchema.node("paragraph")]);
    refusedFor(
      start,
      direct(start, (tr) => tr.insert(1, item)),
    );
  });

  it("a list's numbering changed", () => {
    const start = numbered("Creating material;", "Possessing it.");
    refusedFor(
      start,
      direct(start, (tr) => tr.setNodeMarkup(0, undefined, { ...start.doc.child(0).attrs, start: 5 })),
    );
  });

  it("a line break inserted into agreed text", () => {
    const start = clause(TEXT);
    const after = direct(start, (tr) => tr.insert(find(tr.doc, " offences"), clauseSchema.nodes.hardBreak.create()));
    refusedFor(start, after);
  });

  it("a proposed break made agreed by dropping its marks", () => {
    const start = clause(TEXT);
    const split = suggest(start, australia, (tr) => tr.split(find(tr.doc, " offences")));
    const unmarked = direct(split, (tr) => {
      tr.removeMark(0, tr.doc.content.size, clauseSchema.marks.insertion);
    });
    refusedFor(split, unmarked);
  });

  it("someone else's proposal edited, or claimed", () => {
    const start = clause(TEXT);
    const proposed = suggest(start, australia, (tr) => tr.insertText(" online", find(tr.doc, " offences")));
    const grown = direct(proposed, (tr) => {
      const at = find(tr.doc, " online") + 3;
      const mark = tr.doc.nodeAt(at)?.marks.find((m) => m.type.name === "insertion");
      if (!mark) throw new Error("no proposal");
      tr.insert(at, clauseSchema.text("XX", [mark]));
    });
    expect(refusedFor(proposed, grown, canada)).toMatch(/another person's proposal/);
    expect(verdict(proposed, grown, australia)).toEqual({ ok: true });
  });
});

describe("judged on the touched items of a long list, as the guard does", () => {
  const listOf = (n: number) => numbered(...Array.from({ length: n }, (_, i) => `Sub-paragraph ${i} of the article.`));

  /** Writes `start` into Yjs, then the edit as the editor's binding writes it (only what changed). */
  function judgeAsGuard(start: EditorState, after: EditorState, me = australia) {
    const doc = new Y.Doc();
    const fragment = doc.getXmlFragment(CLAUSE_FRAGMENT);
    prosemirrorToYXmlFragment(start.doc, fragment);
    const reader = clauseReader(doc);
    const before = reader.read().blocks;
    const { meta } = initProseMirrorDoc(fragment, clauseSchema);
    doc.transact(() => updateYFragment(doc, fragment, after.doc, meta));
    const range = changedBlocks(before, reader.read().blocks);
    expect(range?.atTop).toBe(false);
    return range
      ? checkSuggestion(range.before, range.after, me, { ...at, atTop: range.atTop })
      : { ok: true as const };
  }

  it("lets a proposal in the middle of the list through", () => {
    const start = listOf(9);
    const after = suggest(start, australia, (tr) => tr.insertText(" online", find(tr.doc, " of the article", 4)));
    expect(judgeAsGuard(start, after)).toEqual({ ok: true });
  });

  it("refuses a sub-paragraph split directly, and an empty paragraph slipped into a sub-paragraph", () => {
    const start = listOf(9);
    const split = direct(start, (tr) => tr.split(find(tr.doc, " of the article", 4), 2));
    expect(judgeAsGuard(start, split).ok).toBe(false);
    const at = find(start.doc, "Sub-paragraph 4") + "Sub-paragraph 4 of the article.".length + 1;
    const slipped = direct(start, (tr) => tr.insert(at, clauseSchema.node("paragraph")));
    expect(slipped.doc.child(0).child(4).childCount).toBe(2);
    expect(judgeAsGuard(start, slipped).ok).toBe(false);
  });
});

describe("a proposal's id, kind and time", () => {
  const typed = suggest(clause(TEXT), australia, (tr) => tr.insertText(" online", find(tr.doc, " offences")));
  const idOf = (state: EditorState) => proposalsOf(state.doc)[0].id;
  const known = (state: EditorState, authorId: string, kinds: ("insertion" | "deletion")[]) =>
    new Map([[idOf(state), { authorId, kinds: new Set(kinds), at: new Set<string>() }]]);

  it("passes a new proposal stamped now, and refuses one stamped long ago", () => {
    expect(verdict(clause(TEXT), typed)).toEqual({ ok: true });
    const later = { now: Date.parse(SUGGESTED_AT) + 10 * 60_000 };
    expect(checkSuggestion(blocks(clause(TEXT).doc), blocks(typed.doc), australia, later)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/time that is not now/),
    });
  });

  it("passes words kept offline since within the person's session, never from before it or the future", () => {
    const before = blocks(clause(TEXT).doc);
    const after = blocks(typed.doc);
    const made = Date.parse(SUGGESTED_AT);
    const backOnline = { now: made + 40 * 60_000 };
    const refused = { ok: false, reason: expect.stringMatching(/time that is not now/) };
    // Typed 40 minutes ago, offline, in a session that began an hour ago: kept.
    expect(checkSuggestion(before, after, australia, { ...backOnline, earliest: made - 20 * 60_000 })).toEqual({
      ok: true,
    });
    // A session that began after the words' time cannot have typed them.
    expect(checkSuggestion(before, after, australia, { ...backOnline, earliest: made + 10 * 60_000 })).toMatchObject(
      refused,
    );
    // Ahead of the server's clock by more than its tolerance: refused, whenever the session began.
    expect(
      checkSuggestion(before, after, australia, { now: made - 10 * 60_000, earliest: made - 60 * 60_000 }),
    ).toMatchObject(refused);
  });

  it("refuses an id first used by someone else, or switched to the other kind", () => {
    const before = blocks(clause(TEXT).doc);
    const after = blocks(typed.doc);
    expect(
      checkSuggestion(before, after, australia, { ...at, known: known(typed, canada.authorId, ["insertion"]) }),
    ).toMatchObject({ ok: false, reason: expect.stringMatching(/another person's proposal id/) });
    expect(
      checkSuggestion(before, after, australia, { ...at, known: known(typed, australia.authorId, ["deletion"]) }),
    ).toMatchObject({ ok: false, reason: expect.stringMatching(/another kind/) });
    expect(
      checkSuggestion(before, after, australia, { ...at, known: known(typed, australia.authorId, ["insertion"]) }),
    ).toEqual({ ok: true });
  });
});
