import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { anchoredThreadIds } from "@/lib/clause-model/anchored-threads";
import { readClause } from "@/lib/clause-model/read-clause";
import { CLAUSE_FRAGMENT } from "@/lib/editor/extensions";
import { anchorThread } from "./anchor-thread";
import { anchoredText, clauseDoc, plainText, selectWords, sync } from "./test-clause-doc";

const TEXT = "Each State Party shall protect victims and witnesses of offences covered by this Convention.";
const T1 = "11111111-1111-4111-8111-111111111111";
const T2 = "22222222-2222-4222-8222-222222222222";

/** Inserts text into the first paragraph of a document, at a character offset. */
function insertAt(doc: Y.Doc, offset: number, text: string) {
  const paragraph = doc.getXmlFragment(CLAUSE_FRAGMENT).get(0) as Y.XmlElement;
  (paragraph.get(0) as Y.XmlText).insert(offset, text);
}
function deleteAt(doc: Y.Doc, offset: number, length: number) {
  const paragraph = doc.getXmlFragment(CLAUSE_FRAGMENT).get(0) as Y.XmlElement;
  (paragraph.get(0) as Y.XmlText).delete(offset, length);
}

describe("anchoring a thread to the selected words", () => {
  it("marks exactly the selected words and quotes them", () => {
    const doc = clauseDoc(TEXT);
    const anchored = anchorThread(doc, T1, selectWords(doc, "victims and witnesses"));
    expect(anchored?.quote).toBe("victims and witnesses");
    expect(anchoredText(doc).get(T1)).toBe("victims and witnesses");
    expect(plainText(doc)).toBe(TEXT);
  });

  it("lands on the selected words even when others edited the text before the server applied it", () => {
    const server = clauseDoc(TEXT);
    const browser = new Y.Doc();
    sync(server, browser);
    // The browser selects; meanwhile someone else types before and inside the clause.
    const range = selectWords(browser, "victims and witnesses");
    insertAt(server, 0, "Consistent with its domestic law, ");
    insertAt(server, server.getXmlFragment(CLAUSE_FRAGMENT).toString().indexOf("protect") - 21, "effectively ");
    const anchored = anchorThread(server, T1, range);
    expect(anchored?.quote).toBe("victims and witnesses");
    expect(anchoredText(server).get(T1)).toBe("victims and witnesses");
    sync(server, browser);
    expect(anchoredText(browser).get(T1)).toBe("victims and witnesses");
  });

  it("keeps following its words through concurrent edits after it was placed", () => {
    const a = clauseDoc(TEXT);
    const b = new Y.Doc();
    sync(a, b);
    const anchored = anchorThread(a, T1, selectWords(a, "victims and witnesses"));
    Y.applyUpdate(b, anchored?.update as Uint8Array);
    // Concurrently: A adds words before the span, B adds words inside it.
    insertAt(a, 0, "Subject to article 5, ");
    const inside = plainText(b).indexOf("and witnesses");
    insertAt(b, inside, "their families ");
    sync(a, b);
    expect(plainText(a)).toBe(plainText(b));
    expect(anchoredText(a).get(T1)).toBe("victims their families and witnesses");
    expect(anchoredText(b).get(T1)).toBe("victims their families and witnesses");
  });

  it("lets two threads overlap on the same words", () => {
    const doc = clauseDoc(TEXT);
    anchorThread(doc, T1, selectWords(doc, "victims and witnesses"));
    anchorThread(doc, T2, selectWords(doc, "witnesses of offences"));
    const texts = anchoredText(doc);
    expect(texts.get(T1)).toBe("victims and witnesses");
    expect(texts.get(T2)).toBe("witnesses of offences");
    expect(anchoredThreadIds(readClause(doc))).toEqual(new Set([T1, T2]));
  });

  it("refuses a range whose words were all deleted before it arrived", () => {
    const server = clauseDoc(TEXT);
    const browser = new Y.Doc();
    sync(server, browser);
    const range = selectWords(browser, "victims and witnesses");
    deleteAt(server, plainText(server).indexOf("victims and witnesses"), "victims and witnesses".length);
    expect(anchorThread(server, T1, range)).toBeNull();
  });

  it("refuses garbage instead of positions", () => {
    const doc = clauseDoc(TEXT);
    expect(anchorThread(doc, T1, { from: "not base64!", to: "AAAA" })).toBeNull();
  });
});

describe("detached threads", () => {
  it("are those whose words were deleted, wherever the deletion came from", () => {
    const a = clauseDoc(TEXT, "States Parties shall cooperate.");
    const b = new Y.Doc();
    sync(a, b);
    Y.applyUpdate(b, anchorThread(a, T1, selectWords(a, "victims and witnesses"))?.update as Uint8Array);
    Y.applyUpdate(b, anchorThread(a, T2, selectWords(a, "Convention"))?.update as Uint8Array);
    expect(anchoredThreadIds(readClause(b))).toEqual(new Set([T1, T2]));

    // Deleting part of the span keeps the thread attached to what is left.
    deleteAt(b, plainText(b).indexOf("victims "), "victims ".length);
    sync(a, b);
    expect(anchoredThreadIds(readClause(a))).toEqual(new Set([T1, T2]));
    expect(anchoredText(a).get(T1)).toBe("and witnesses");

    // Deleting all of it detaches the thread; the other stays.
    deleteAt(b, plainText(b).indexOf("and witnesses"), "and witnesses".length);
    sync(a, b);
    expect(anchoredThreadIds(readClause(a))).toEqual(new Set([T2]));
  });

  it("are found whether the anchor is stored under the plain or the hashed key", () => {
    const doc = clauseDoc(TEXT);
    const paragraph = doc.getXmlFragment(CLAUSE_FRAGMENT).get(0) as Y.XmlElement;
    (paragraph.get(0) as Y.XmlText).format(0, 4, { commentAnchor: { threadId: T1 } });
    (paragraph.get(0) as Y.XmlText).format(5, 5, { "commentAnchor--abc": { threadId: T2 }, bold: {} });
    expect(anchoredThreadIds(readClause(doc))).toEqual(new Set([T1, T2]));
  });
});
