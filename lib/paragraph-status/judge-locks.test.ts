// Paragraph status read by the clause model and judged by the guard's judgement of an update
// (lib/proposals/judge-update.ts), on real Yjs documents: nobody's client may change a status;
// a delegation may not touch an agreed paragraph nor anything in an agreed clause; the chair may.
import { prosemirrorJSONToYDoc } from "@tiptap/y-tiptap";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import type { ListItem } from "@/lib/clause-model/clause-model";
import { clauseReader } from "@/lib/clause-model/clause-reader";
import { isClauseUnreadable } from "@/lib/clause-model/clause-unreadable";
import { readClause } from "@/lib/clause-model/read-clause";
import { CLAUSE_FRAGMENT, clauseSchema } from "@/lib/editor/extensions";
import type { ProposalAuthor } from "@/lib/editor/suggestions/proposal-author";
import { clauseHtml } from "@/lib/exports/clause-html";
import { clauseText } from "@/lib/exports/clause-text";
import { type Judging, judgeUpdate } from "@/lib/proposals/judge-update";
import { locate, stamp } from "@/lib/proposals/test-support/yjs-proposals";
import { clauseBody, para } from "@/lib/seed/clause-body";
import { markedProgress, shownProgress } from "./clause-progress";
import type { ClauseStanding } from "./judge-locks";
import { numberedParagraphs } from "./numbered-paragraphs";

const delegate: ProposalAuthor = {
  authorId: "6f1d0a52-8d6e-4a39-9b1f-2f7d9f0c1a11",
  authorName: "Ana Delegate",
  organizationId: "7a2e1b63-9e7f-4b4a-8c2a-3a8e0f1d2b22",
  organizationCode: "AUS",
  organizationName: "Australia",
  colour: "#1f77b4",
};

/** A clause of three paragraphs, the second agreed and the third agreed ad referendum. */
function clause(): Y.Doc {
  const doc = prosemirrorJSONToYDoc(
    clauseSchema,
    clauseBody(para("Open words here."), para("Agreed words here.", "An agreed sub-paragraph."), para("Ad ref words.")),
    CLAUSE_FRAGMENT,
  );
  const items = numberedParagraphs(readClause(doc).blocks);
  items[1].item.source?.setAttribute("status", "AGREED");
  items[2].item.source?.setAttribute("status", "AGREED_AD_REF");
  return doc;
}

/** The guard's verdict on `edit`, made by a fresh client on a copy of `doc`. */
async function verdictOn(
  doc: Y.Doc,
  edit: (client: Y.Doc) => void,
  { mayOnlySuggest = true, standing = { number: "7", status: "OPEN" } as ClauseStanding } = {},
) {
  const shadow = new Y.Doc({ gc: false });
  Y.applyUpdate(shadow, Y.encodeStateAsUpdate(doc));
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(doc));
  const vector = Y.encodeStateVector(client);
  edit(client);
  const judging: Judging = {
    me: delegate,
    mayOnlySuggest,
    known: async () => new Map(),
    standing: async () => standing,
  };
  const reader = clauseReader(shadow);
  reader.read();
  return judgeUpdate({ doc: shadow, reader }, Y.encodeStateAsUpdate(client, vector), judging);
}

const propose = (words: string, after: string) => (client: Y.Doc) => {
  const { text, index } = locate(client, after);
  text.insert(index + after.length, words, { insertion: stamp(delegate, "b3c4d5e6-0000-4000-8000-000000000001") });
};

const itemAt = (doc: Y.Doc, index: number) =>
  numberedParagraphs(readClause(doc).blocks)[index].item.source as Y.XmlElement;

describe("the clause model reads a paragraph's status", () => {
  it("open unless marked, then agreed or agreed ad referendum", () => {
    const items = numberedParagraphs(readClause(clause()).blocks);
    expect(items.map(({ number, item }) => [number, item.status])).toEqual([
      [1, "OPEN"],
      [2, "AGREED"],
      [3, "AGREED_AD_REF"],
    ]);
    const sub = (items[1].item.blocks[1] as unknown as { items: ListItem[] }).items[0];
    expect(sub.status).toBe("OPEN");
  });

  it("refuses a status it does not know", () => {
    const doc = clause();
    itemAt(doc, 0).setAttribute("status", "NEARLY");
    expect(() => readClause(doc)).toThrow(expect.objectContaining({ why: "a paragraph of an unknown status" }));
    try {
      readClause(doc);
    } catch (error) {
      expect(isClauseUnreadable(error)).toBe(true);
    }
  });

  it("counts the clause's progress, the clause's own status applied", () => {
    const marked = markedProgress(readClause(clause()));
    expect(marked).toEqual({ paragraphs: 3, agreed: 1, adRef: 1 });
    expect(shownProgress(marked, "OPEN")).toEqual({ paragraphs: 3, agreed: 2, adRef: 1 });
    expect(shownProgress(marked, "AGREED_AD_REF")).toEqual({ paragraphs: 3, agreed: 3, adRef: 2 });
    expect(shownProgress(marked, "AGREED")).toEqual({ paragraphs: 3, agreed: 3, adRef: 0 });
  });

  it("prints the tag in exports, as negotiators write it", () => {
    const model = readClause(clause());
    const text = clauseText(model);
    expect(text).toContain("Agreed words here. [agreed]");
    expect(text).toContain("Ad ref words. [agreed ad ref]");
    expect(text).not.toContain("Open words here. [");
    expect(clauseHtml(model, new Map())).toContain('<span class="status-tag">[agreed ad ref]</span>');
  });
});

describe("the guard on paragraph status", () => {
  it("lets a delegation propose in an open paragraph", async () => {
    expect(await verdictOn(clause(), propose(" promptly", "Open words"))).toBeNull();
  });

  it("refuses a delegation's proposal in an agreed paragraph, saying which and whom to ask", async () => {
    expect(await verdictOn(clause(), propose(" promptly", "Agreed words"))).toEqual({
      kind: "locked",
      reason: "Paragraph 2 is agreed; ask the chair to reopen it.",
    });
    expect(await verdictOn(clause(), propose(" promptly", "An agreed sub"))).toMatchObject({
      reason: "Paragraph 2 is agreed; ask the chair to reopen it.",
    });
    expect(await verdictOn(clause(), propose(" promptly", "Ad ref"))).toMatchObject({
      reason: "Paragraph 3 is agreed ad referendum; ask the chair to reopen it.",
    });
  });

  it("refuses a delegation's deletion of a whole agreed paragraph", async () => {
    const verdict = await verdictOn(clause(), (client) => {
      const list = client.getXmlFragment(CLAUSE_FRAGMENT).get(0) as Y.XmlElement;
      list.delete(1, 1);
    });
    expect(verdict?.reason).toBe("Paragraph 2 is agreed; ask the chair to reopen it.");
  });

  it("refuses every proposal in a clause agreed as a whole", async () => {
    const verdict = await verdictOn(clause(), propose(" promptly", "Open words"), {
      standing: { number: "7", status: "AGREED_AD_REF" },
    });
    expect(verdict).toEqual({
      kind: "locked",
      reason: "Article 7 is agreed ad referendum; ask the chair to reopen it.",
    });
  });

  it("lets the chair edit agreed text directly", async () => {
    const verdict = await verdictOn(
      clause(),
      (client) => {
        const { text, index } = locate(client, "Agreed words");
        text.insert(index, "Chair's ");
      },
      { mayOnlySuggest: false },
    );
    expect(verdict).toBeNull();
  });

  it("refuses a status set, changed or removed by anyone's client, the chair's too", async () => {
    for (const mayOnlySuggest of [true, false]) {
      const set = await verdictOn(clause(), (client) => itemAt(client, 0).setAttribute("status", "AGREED"), {
        mayOnlySuggest,
      });
      expect(set?.kind).toBe("locked");
      expect(set?.reason).toMatch(/set by the chair/);
      const removed = await verdictOn(clause(), (client) => itemAt(client, 1).removeAttribute("status"), {
        mayOnlySuggest,
      });
      expect(removed?.reason).toMatch(/set by the chair/);
      const changed = await verdictOn(clause(), (client) => itemAt(client, 2).setAttribute("status", "AGREED"), {
        mayOnlySuggest,
      });
      expect(changed?.reason).toMatch(/set by the chair/);
    }
  });

  it("refuses a new paragraph that arrives already agreed", async () => {
    const verdict = await verdictOn(
      clause(),
      (client) => {
        const list = client.getXmlFragment(CLAUSE_FRAGMENT).get(0) as Y.XmlElement;
        const item = new Y.XmlElement("listItem");
        item.setAttribute("status", "AGREED");
        const paragraph = new Y.XmlElement("paragraph");
        paragraph.insert(0, [new Y.XmlText("Smuggled in.")]);
        item.insert(0, [paragraph]);
        list.insert(3, [item]);
      },
      { mayOnlySuggest: false },
    );
    expect(verdict?.reason).toMatch(/set by the chair/);
  });

  it("refuses a status moved to another paragraph by recreating both, from anyone's client, the chair's too", async () => {
    // The agreed paragraph 2 and the open paragraph 1 come back as new elements, the status on
    // paragraph 1's words: as many agreed paragraphs as before, but other words agreed.
    const moveStatus = (client: Y.Doc) => {
      const list = client.getXmlFragment(CLAUSE_FRAGMENT).get(0) as Y.XmlElement;
      const item = (text: string, status?: string) => {
        const element = new Y.XmlElement("listItem");
        if (status) element.setAttribute("status", status);
        const paragraph = new Y.XmlElement("paragraph");
        paragraph.insert(0, [new Y.XmlText(text)]);
        element.insert(0, [paragraph]);
        return element;
      };
      client.transact(() => {
        list.delete(0, 2);
        list.insert(0, [item("Open words here.", "AGREED"), item("Agreed words here.")]);
      });
    };
    for (const mayOnlySuggest of [true, false]) {
      expect((await verdictOn(clause(), moveStatus, { mayOnlySuggest }))?.reason).toMatch(/set by the chair/);
    }
  });

  it("lets the chair's client recreate an agreed paragraph with its own words and status", async () => {
    const verdict = await verdictOn(
      clause(),
      (client) => {
        const list = client.getXmlFragment(CLAUSE_FRAGMENT).get(0) as Y.XmlElement;
        const copy = itemAt(client, 2).clone();
        client.transact(() => {
          list.delete(2, 1);
          list.insert(2, [copy]);
        });
      },
      { mayOnlySuggest: false },
    );
    expect(verdict).toBeNull();
  });

  describe("refuses a delegation's way around the lock", () => {
    const list = (client: Y.Doc) => client.getXmlFragment(CLAUSE_FRAGMENT).get(0) as Y.XmlElement;
    const LOCKED = "Paragraph 2 is agreed; ask the chair to reopen it.";

    it("a proposed deletion from an open paragraph into the agreed one", async () => {
      const verdict = await verdictOn(clause(), (client) => {
        const id = "b3c4d5e6-0000-4000-8000-000000000002";
        client.transact(() => {
          const open = locate(client, "here.");
          open.text.format(open.index, "here.".length, { deletion: stamp(delegate, id) });
          const agreed = locate(client, "Agreed words");
          agreed.text.format(agreed.index, "Agreed words".length, { deletion: stamp(delegate, id) });
        });
      });
      expect(verdict).toEqual({ kind: "locked", reason: LOCKED });
    });

    it("the agreed paragraph merged into the open one before it", async () => {
      const verdict = await verdictOn(clause(), (client) => {
        client.transact(() => {
          const agreed = itemAt(client, 1);
          const words = (agreed.get(0) as Y.XmlElement).get(0) as Y.XmlText;
          const open = locate(client, "Open words here.");
          open.text.insert(open.index + "Open words here.".length, ` ${words.toString()}`);
          list(client).delete(1, 1);
        });
      });
      expect(verdict?.reason).toBe(LOCKED);
    });

    it("the agreed paragraph moved below another (deleted and written again, status and all)", async () => {
      const verdict = await verdictOn(clause(), (client) => {
        const copy = itemAt(client, 1).clone();
        client.transact(() => {
          list(client).delete(1, 1);
          list(client).insert(2, [copy]);
        });
      });
      expect(verdict?.kind).toBe("locked");
    });

    it("the agreed paragraph split in two", async () => {
      const verdict = await verdictOn(clause(), (client) => {
        client.transact(() => {
          const { text, index } = locate(client, "Agreed words here.");
          text.delete(index + "Agreed words ".length, "here.".length);
          const item = new Y.XmlElement("listItem");
          const paragraph = new Y.XmlElement("paragraph");
          paragraph.insert(0, [new Y.XmlText("here.")]);
          item.insert(0, [paragraph]);
          list(client).insert(2, [item]);
        });
      });
      expect(verdict?.kind).toBe("locked");
    });
  });
});
