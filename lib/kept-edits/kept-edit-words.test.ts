import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { CLAUSE_FRAGMENT } from "@/lib/editor/extensions";
import type { ProposalAuthor } from "@/lib/editor/suggestions/proposal-author";
import { positionOf, suggestInDoc } from "@/lib/proposals/test-support/suggest-in-doc";
import { withWordsNotKept, wordsStruckIn, wordsTypedIn } from "./kept-edit-words";

/** The updates a person makes, one per keystroke transaction, as the editor sends them. */
function typing(work: (fragment: Y.XmlFragment) => void): Uint8Array[] {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on("update", (update: Uint8Array) => updates.push(update));
  work(doc.getXmlFragment("default"));
  return updates;
}

describe("the words of refused edits", () => {
  it("reads what was typed, keystroke by keystroke, and across paragraphs", () => {
    const updates = typing((fragment) => {
      const first = new Y.XmlElement("paragraph");
      const second = new Y.XmlElement("paragraph");
      fragment.insert(0, [first, second]);
      const a = new Y.XmlText();
      first.insert(0, [a]);
      for (const letter of "victims") a.insert(a.length, letter);
      const b = new Y.XmlText();
      second.insert(0, [b]);
      b.insert(0, "and witnesses");
    });
    expect(updates.length).toBeGreaterThan(7);
    expect(wordsTypedIn(updates)).toBe("victims and witnesses");
  });

  it("leaves out the suggest transform's invisible anchors", () => {
    const updates = typing((fragment) => {
      const text = new Y.XmlText();
      fragment.insert(0, [text]);
      text.insert(0, "\u200Bgender\u200B", { insertion: { id: "p" } });
    });
    expect(wordsTypedIn(updates)).toBe("gender");
  });

  it("says the words after the notice, shortened when long, and nothing when none were typed", () => {
    const long = typing((fragment) => {
      const text = new Y.XmlText();
      fragment.insert(0, [text]);
      text.insert(0, "word ".repeat(100));
    });
    const notice = withWordsNotKept("Not kept.", long);
    expect(notice.startsWith("Not kept. Not kept: “word word")).toBe(true);
    expect(notice.endsWith("…”.")).toBe(true);
    expect(notice.length).toBeLessThan(230);
    const deletionOnly = typing((fragment) => fragment.delete(0, 0));
    expect(withWordsNotKept("Not kept.", deletionOnly)).toBe("Not kept.");
    expect(withWordsNotKept("Not kept.", [])).toBe("Not kept.");
  });
});

describe("the words of refused proposed deletions", () => {
  const jamaica: ProposalAuthor = {
    authorId: "jamaica-delegate",
    authorName: "Jamaica Delegate",
    organizationId: "jamaica",
    organizationCode: "JAM",
    organizationName: "Jamaica",
    colour: "#2f7d32",
  };

  /** A page's copy of a one-paragraph clause, and the updates its person's edits make. */
  function page() {
    const doc = new Y.Doc();
    const paragraph = new Y.XmlElement("paragraph");
    const text = new Y.XmlText();
    doc.getXmlFragment(CLAUSE_FRAGMENT).insert(0, [paragraph]);
    paragraph.insert(0, [text]);
    text.insert(0, "Each State Party shall protect victims of offences.");
    const updates: Uint8Array[] = [];
    doc.on("update", (update: Uint8Array) => updates.push(update));
    return { doc, updates };
  }

  it("names the words a refused edit proposed to delete, read from the page's clause", () => {
    const { doc, updates } = page();
    suggestInDoc(doc, jamaica, (tr, root) => {
      const from = positionOf(root, "victims");
      tr.delete(from, from + "victims ".length);
    });
    // A deletion puts no words into the update: they are the clause's own, marked.
    expect(wordsTypedIn(updates)).toBe("");
    expect(wordsStruckIn(updates, doc)).toBe("victims");
    expect(withWordsNotKept("Not kept.", updates, doc)).toBe("Not kept. Not kept: the proposed deletion of “victims”.");
  });

  it("names both halves of a refused replacement, and nothing struck without the page's clause", () => {
    const { doc, updates } = page();
    suggestInDoc(doc, jamaica, (tr, root) => {
      const from = positionOf(root, "protect");
      tr.insertText("assist", from, from + "protect".length);
    });
    expect(withWordsNotKept("Not kept.", updates, doc)).toBe(
      "Not kept. Not kept: “assist”; the proposed deletion of “protect”.",
    );
    expect(withWordsNotKept("Not kept.", updates)).toBe("Not kept. Not kept: “assist”.");
  });
});
