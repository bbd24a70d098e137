// What a modified client might send: each move takes a synced copy of the clause and changes it
// the way no honest editor would (or with someone else's identity). The fuzz runner sends the
// result over a real provider and then checks that nothing of it stuck.
import { randomUUID } from "node:crypto";
import * as Y from "yjs";
import type { ProposalAuthor } from "@/lib/editor/suggestions/proposal-author";
import type { Random } from "./seeded-random";

export type HostileContext = {
  random: Random;
  /** The hostile person's own identity (what an honest stamp would carry). */
  me: ProposalAuthor;
  /** Another delegation, whose name and proposals the move may try to borrow. */
  other: ProposalAuthor;
  /** Ids of proposals in the text that belong to someone else. */
  othersProposalIds: string[];
};

export type HostileMove = { name: string; apply(doc: Y.Doc, context: HostileContext): void };

// biome-ignore lint/suspicious/noExplicitAny: a hostile client ignores the types on purpose
type Loose = any;

const stamp = (author: ProposalAuthor, id: string, at = new Date().toISOString()) => ({ id, ...author, at });

function textNodes(doc: Y.Doc): Y.XmlText[] {
  const found: Y.XmlText[] = [];
  const visit = (parent: Y.XmlFragment | Y.XmlElement) => {
    for (const child of parent.toArray()) {
      if (child instanceof Y.XmlText) found.push(child);
      else if (child instanceof Y.XmlElement) visit(child);
    }
  };
  visit(doc.getXmlFragment("default"));
  return found;
}

function elements(doc: Y.Doc): Y.XmlElement[] {
  const found: Y.XmlElement[] = [];
  const visit = (parent: Y.XmlFragment | Y.XmlElement) => {
    for (const child of parent.toArray()) {
      if (child instanceof Y.XmlElement) {
        found.push(child);
        visit(child);
      }
    }
  };
  visit(doc.getXmlFragment("default"));
  return found;
}

/** A random non-empty text node and a span inside it. */
function span(doc: Y.Doc, random: Random): { text: Y.XmlText; index: number; length: number } | null {
  const texts = textNodes(doc).filter((t) => t.length > 1);
  if (texts.length === 0) return null;
  const text = random.pick(texts);
  const index = random.below(text.length - 1);
  return { text, index, length: 1 + random.below(Math.min(12, text.length - index)) };
}

const INVISIBLE = ["\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF", "\u202E", "\u2066", "\u200F"];

export const hostileMoves: HostileMove[] = [
  {
    name: "types agreed words directly",
    apply(doc, { random }) {
      const at = span(doc, random);
      at?.text.insert(at.index, ` ${random.words(2)} `);
    },
  },
  {
    name: "deletes agreed words directly",
    apply(doc, { random }) {
      const at = span(doc, random);
      at?.text.delete(at.index, at.length);
    },
  },
  {
    name: "formats agreed words",
    apply(doc, { random }) {
      const at = span(doc, random);
      at?.text.format(at.index, at.length, { [random.pick(["bold", "italic", "underline"])]: {} });
    },
  },
  {
    name: "marks agreed words with another delegation's proposal id",
    apply(doc, { random, me, othersProposalIds }) {
      const at = span(doc, random);
      if (!at) return;
      const id = othersProposalIds.length > 0 ? random.pick(othersProposalIds) : randomUUID();
      at.text.format(at.index, at.length, { [random.pick(["deletion", "insertion"])]: stamp(me, id) });
    },
  },
  {
    name: "stamps a proposal with another delegation's name",
    apply(doc, { random, other }) {
      const at = span(doc, random);
      at?.text.insert(at.index, random.words(2), { insertion: stamp(other, randomUUID()) });
    },
  },
  {
    name: "proposes with a made-up id",
    apply(doc, { random, me }) {
      const at = span(doc, random);
      at?.text.insert(at.index, random.words(1), {
        insertion: stamp(me, random.pick(["1", "x' OR 1=1", "", "a".repeat(300)])),
      });
    },
  },
  {
    name: "cites a passage the instrument's library does not hold",
    apply(doc, { random, me }) {
      const at = span(doc, random);
      at?.text.insert(at.index, random.words(3), {
        insertion: { ...stamp(me, randomUUID()), citation: random.pick([randomUUID(), "", "x' OR 1=1"]) },
      });
    },
  },
  {
    name: "proposes with a time that is not now",
    apply(doc, { random, me }) {
      const at = span(doc, random);
      at?.text.insert(at.index, random.words(2), {
        insertion: stamp(
          me,
          randomUUID(),
          random.pick(["2001-01-01T00:00:00.000Z", "2999-01-01T00:00:00.000Z", "yesterday"]),
        ),
      });
    },
  },
  {
    name: "hides invisible characters in agreed words",
    apply(doc, { random }) {
      const at = span(doc, random);
      at?.text.insert(at.index, random.pick(INVISIBLE));
    },
  },
  {
    name: "proposes a formatting change",
    apply(doc, { random, me }) {
      const at = span(doc, random);
      at?.text.format(at.index, at.length, {
        modification: { ...stamp(me, randomUUID()), type: "bold", attrName: null, previousValue: null, newValue: null },
      });
    },
  },
  {
    name: "puts an embed inside its own insertion",
    apply(doc, { random, me }) {
      const at = span(doc, random);
      at?.text.insertEmbed(at.index, { image: "https://example.org/x.png" }, { insertion: stamp(me, randomUUID()) });
    },
  },
  {
    name: "adds a bare text node at the root",
    apply(doc, { random, me }) {
      const text = new Y.XmlText();
      doc.getXmlFragment("default").insert(0, [text]);
      text.insert(0, random.words(2), { insertion: stamp(me, randomUUID()) });
    },
  },
  {
    name: "adds a map inside the clause",
    apply(doc) {
      const map = new Y.Map();
      (doc.getXmlFragment("default") as Loose).insert(0, [map]);
      map.set("x", { nested: [1, 2, 3] });
    },
  },
  {
    name: "adds an element the schema does not know",
    apply(doc, { random, me }) {
      const element = new Y.XmlElement(random.pick(["script", "heading", "image", "table", "codeBlock"]));
      const text = new Y.XmlText();
      element.insert(0, [text]);
      doc.getXmlFragment("default").insert(0, [element]);
      text.insert(0, random.words(2), { insertion: stamp(me, randomUUID()) });
    },
  },
  {
    name: "sets an attribute the schema does not know",
    apply(doc, { random }) {
      const element = random.pick(elements(doc));
      element?.setAttribute(
        random.pick(["onclick", "style", "start", "type"]),
        random.pick(["alert(1)", "-5", "zz"]) as Loose,
      );
    },
  },
  {
    name: "sets a mark the schema does not know",
    apply(doc, { random }) {
      const at = span(doc, random);
      at?.text.format(at.index, at.length, {
        [random.pick(["evil", "link", "strike", "code"])]: { href: "javascript:1" },
      });
    },
  },
  {
    // Brackets are the server's to place (lib/brackets): any bracket a client writes is refused.
    name: "brackets words itself, in its own name or another delegation's",
    apply(doc, { random, me, other }) {
      const at = span(doc, random);
      const by = random.pick([me, other]);
      at?.text.format(at.index, at.length, {
        [random.pick(["bracket", `bracket--${random.below(1e6)}`])]: random.pick([
          {
            id: randomUUID(),
            organizationId: by.organizationId,
            organizationCode: by.organizationCode,
            personId: by.authorId,
            personName: by.authorName,
            at: new Date().toISOString(),
            note: null,
          },
          { id: randomUUID(), organizationCode: by.organizationCode },
          { id: "1", evil: "javascript:1" },
        ]),
      });
    },
  },
  {
    // Alternatives are the server's to mark (lib/alternatives): any set a client writes is refused.
    name: "marks words as alternatives itself",
    apply(doc, { random }) {
      const at = span(doc, random);
      at?.text.format(at.index, at.length, {
        alternatives: random.pick([{ id: randomUUID() }, { id: "Alt 1" }, { id: randomUUID(), sponsor: "AUS" }]),
      });
    },
  },
  {
    name: "writes another shared type",
    apply(doc, { random }) {
      const name = random.pick(["meta", "proposals", "default-2", "x"]);
      if (random.chance(0.5)) doc.getMap(name).set("k", random.words(3));
      else doc.getArray(`${name}-list`).push([random.words(2)]);
    },
  },
  {
    name: "removes a whole paragraph",
    apply(doc, { random }) {
      const fragment = doc.getXmlFragment("default");
      const element = random.pick(elements(doc));
      const parent = (element?.parent ?? fragment) as Y.XmlElement | Y.XmlFragment;
      if (element) parent.delete(parent.toArray().indexOf(element), 1);
    },
  },
  {
    name: "random operations on the clause's text",
    apply(doc, context) {
      const { random, me } = context;
      for (let i = 0, n = 1 + random.below(4); i < n; i++) {
        const at = span(doc, random);
        if (!at) return;
        const attrs = random.pick([
          {},
          { insertion: stamp(me, randomUUID()) },
          { deletion: stamp(me, randomUUID()) },
          { bold: {} },
        ]);
        switch (random.below(3)) {
          case 0:
            at.text.insert(at.index, random.words(1), attrs);
            break;
          case 1:
            at.text.format(at.index, at.length, attrs);
            break;
          default:
            at.text.delete(at.index, at.length);
        }
      }
    },
  },
];
