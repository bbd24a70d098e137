// How large the biggest honest socket message for a clause gets, to set the socket's frame
// limit (lib/collab/connection-limits.ts): the full state of a 20,000-word clause (what a
// reconnecting editor may send back in one sync message) and one paste of the whole clause as
// a proposal. Run: node --import tsx bench/clause-message-size.ts [words]
import { randomUUID } from "node:crypto";
import { prosemirrorJSONToYDoc } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import { CLAUSE_FRAGMENT, clauseSchema } from "@/lib/editor/extensions";

const words = Number(process.argv[2] ?? 20_000);
const SENTENCE =
  "Each State Party shall adopt such legislative and other measures as may be necessary to establish the conduct described in this paragraph as an offence under its domestic law";
const paragraphText = (i: number) => {
  const sentence = SENTENCE.split(" ");
  return `${i + 1}. ${Array.from({ length: 100 }, (_, k) => sentence[k % sentence.length]).join(" ")}.`;
};
const paragraphs = Math.round(words / 100);
const author = {
  authorId: randomUUID(),
  authorName: "A delegate with a long name",
  organizationId: randomUUID(),
  organizationCode: "XYZ",
  organizationName: "The Delegation of a Member State with a Long Name",
  colour: "#1d4ed8",
};

const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;

// 1. The agreed text alone.
const plain = prosemirrorJSONToYDoc(
  clauseSchema,
  {
    type: "doc",
    content: Array.from({ length: paragraphs }, (_, i) => ({
      type: "paragraph",
      content: [{ type: "text", text: paragraphText(i) }],
    })),
  },
  CLAUSE_FRAGMENT,
);
const plainState = Y.encodeStateAsUpdate(plain);
console.log(`${words} words, agreed text only: full state ${kib(plainState.length)}`);

// 2. The whole clause pasted as one proposal: one update, every paragraph an insertion.
const pasted = new Y.Doc();
const before = Y.encodeStateVector(pasted);
pasted.transact(() => {
  const fragment = pasted.getXmlFragment(CLAUSE_FRAGMENT);
  for (let i = 0; i < paragraphs; i++) {
    const paragraph = new Y.XmlElement("paragraph");
    const text = new Y.XmlText();
    paragraph.insert(0, [text]);
    fragment.insert(i, [paragraph]);
    text.insert(0, paragraphText(i), { insertion: { id: randomUUID(), ...author, at: new Date().toISOString() } });
  }
});
console.log(`${words} words pasted as one proposal: one update ${kib(Y.encodeStateAsUpdate(pasted, before).length)}`);

// 3. A clause in heavy negotiation: 5,000 proposed deletions spread over it.
const proposals = 5_000;
const worn = new Y.Doc();
Y.applyUpdate(worn, plainState);
worn.transact(() => {
  const texts = (worn.getXmlFragment(CLAUSE_FRAGMENT).toArray() as Y.XmlElement[]).map((p) => p.get(0) as Y.XmlText);
  const perText = Math.ceil(proposals / texts.length);
  for (const text of texts) {
    const step = Math.floor(text.length / perText);
    for (let k = 0; k < perText; k++)
      text.format(k * step, 3, { deletion: { id: randomUUID(), ...author, at: new Date().toISOString() } });
  }
});
console.log(`${words} words with ${proposals} proposals: full state ${kib(Y.encodeStateAsUpdate(worn).length)}`);
