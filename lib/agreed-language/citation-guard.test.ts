// The citation of a passage of agreed language, without a server: suggest mode stamps the
// entry's id on the new insertion only, and the guard's judgement of an update (judge-update.ts)
// accepts an id only when the library says it holds it, refusing it otherwise and on a deletion.
import { prosemirrorJSONToYDoc } from "@tiptap/y-tiptap";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { clauseReader } from "@/lib/clause-model/clause-reader";
import { CLAUSE_FRAGMENT, clauseSchema } from "@/lib/editor/extensions";
import { suggestTransaction } from "@/lib/editor/suggestions/suggest-transaction";
import { australia, clause, find, idMaker, SUGGESTED_AT } from "@/lib/editor/suggestions/test-support";
import { judgeUpdate } from "@/lib/proposals/judge-update";

const ENTRY = "5a1f0c2e-9a57-4d0b-8f7e-2d3c4b5a6978";

function shadowOf(text: string) {
  const json = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] };
  const doc = prosemirrorJSONToYDoc(clauseSchema, json, CLAUSE_FRAGMENT);
  return { doc, reader: clauseReader(doc) };
}

/** An update that inserts `words` at the start of the first paragraph with these mark attributes. */
function updateOn(shadow: { doc: Y.Doc }, mark: Record<string, unknown>): Uint8Array {
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(shadow.doc));
  const before = Y.encodeStateVector(client);
  const text = (client.getXmlFragment(CLAUSE_FRAGMENT).get(0) as Y.XmlElement).get(0) as Y.XmlText;
  text.insert(0, "Borrowed words. ", mark);
  return Y.encodeStateAsUpdate(client, before);
}

const insertion = (citation: unknown) => ({
  insertion: {
    id: crypto.randomUUID(),
    ...australia,
    at: new Date().toISOString(),
    citation,
  },
});

const judging = (library: string[] | null) => ({
  me: australia,
  mayOnlySuggest: true,
  known: async () => new Map(),
  ...(library
    ? {
        citations: async (ids: ReadonlySet<string>) =>
          new Map([...ids].filter((id) => library.includes(id)).map((id) => [id, "Borrowed words."])),
      }
    : {}),
});

describe("suggest mode with a citation", () => {
  it("stamps the entry's id on the new insertion, and on nothing else", () => {
    const state = clause("Victims shall be protected.");
    const tr = state.tr.insertText("Borrowed words. ", find(state.doc, "Victims"));
    const result = suggestTransaction(tr, state, {
      author: australia,
      now: () => SUGGESTED_AT,
      newId: idMaker("AUS"),
      citation: ENTRY,
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const marks: { name: string; citation: unknown }[] = [];
    result.transaction.doc.descendants((node) => {
      for (const mark of node.marks) marks.push({ name: mark.type.name, citation: mark.attrs.citation });
    });
    expect(marks).toEqual([{ name: "insertion", citation: ENTRY }]);
  });

  it("gives typed words no citation", () => {
    const state = clause("Victims shall be protected.");
    const tr = state.tr.insertText("Typed. ", find(state.doc, "Victims"));
    const result = suggestTransaction(tr, state, { author: australia, now: () => SUGGESTED_AT, newId: idMaker("AUS") });
    expect(result.ok && result.transaction.doc.firstChild?.firstChild?.marks[0].attrs.citation).toBeNull();
  });
});

describe("the guard's judgement of a citation", () => {
  it("accepts an entry the library holds", async () => {
    const shadow = shadowOf("Victims shall be protected.");
    expect(await judgeUpdate(shadow, updateOn(shadow, insertion(ENTRY)), judging([ENTRY]))).toBeNull();
  });

  it("refuses an id the library does not hold, and any id when it cannot ask the library", async () => {
    const shadow = shadowOf("Victims shall be protected.");
    expect(await judgeUpdate(shadow, updateOn(shadow, insertion(crypto.randomUUID())), judging([ENTRY]))).toEqual({
      kind: "citation",
      reason: expect.stringContaining("library of agreed language"),
    });
    const again = shadowOf("Victims shall be protected.");
    expect((await judgeUpdate(again, updateOn(again, insertion(ENTRY)), judging(null)))?.kind).toBe("citation");
  });

  it("refuses a citation that is not text, and one on a proposed deletion", async () => {
    const shadow = shadowOf("Victims shall be protected.");
    expect((await judgeUpdate(shadow, updateOn(shadow, insertion(42)), judging([ENTRY])))?.kind).toBe("unreadable");
    const deletion = shadowOf("Victims shall be protected.");
    const { insertion: attrs } = insertion(ENTRY);
    expect((await judgeUpdate(deletion, updateOn(deletion, { deletion: attrs }), judging([ENTRY])))?.kind).toBe(
      "unreadable",
    );
  });

  it("lets an insertion without a citation through without asking the library", async () => {
    const shadow = shadowOf("Victims shall be protected.");
    expect(await judgeUpdate(shadow, updateOn(shadow, insertion(null)), judging(null))).toBeNull();
  });
});
