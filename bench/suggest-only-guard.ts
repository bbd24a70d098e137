// How long the suggest-only guard and the proposals reader take per keystroke on a long clause.
// Prints figures; asserts nothing. Run: npx tsx bench/suggest-only-guard.ts [paragraphs]
import { performance } from "node:perf_hooks";
import { prosemirrorToYXmlFragment, yXmlFragmentToProseMirrorRootNode } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import { CLAUSE_FRAGMENT, clauseSchema } from "@/lib/editor/extensions";
import { proposalTexts } from "@/lib/editor/suggestions/read-proposals";
import { checkSuggestion } from "@/lib/proposals/check-suggestion";

const paragraphs = Number(process.argv[2] ?? 200);
const sentence =
  "States Parties shall adopt such legislative and other measures as may be necessary to establish offences. ";
const doc = clauseSchema.node(
  "doc",
  null,
  Array.from({ length: paragraphs }, () =>
    clauseSchema.node("paragraph", null, [clauseSchema.text(sentence.repeat(6))]),
  ),
);
const author = {
  authorId: "11111111-1111-4111-8111-111111111111",
  authorName: "A",
  organizationId: "aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa",
  organizationCode: "AUS",
  organizationName: "Australia",
  colour: "#1d4ed8",
};
const live = new Y.Doc();
prosemirrorToYXmlFragment(doc, live.getXmlFragment(CLAUSE_FRAGMENT));
const read = () => yXmlFragmentToProseMirrorRootNode(live.getXmlFragment(CLAUSE_FRAGMENT), clauseSchema);
const words = doc.textContent.split(/\s+/).length;

// Like the guard: the text read after one update is the "before" of the next.
const samples: number[] = [];
let before = read();
for (let i = 0; i < 200; i++) {
  const text = (live.getXmlFragment(CLAUSE_FRAGMENT).get(i % paragraphs) as Y.XmlElement).get(0) as Y.XmlText;
  const start = performance.now();
  text.insert(10, "x", { insertion: { id: `p-${i % 7}`, ...author, at: "2026-11-28T10:00:00Z" } });
  const after = read();
  const verdict = checkSuggestion(before, after, author);
  samples.push(performance.now() - start);
  if (!verdict.ok) throw new Error(verdict.reason);
  before = after;
}
samples.sort((a, b) => a - b);
const indexStart = performance.now();
const proposals = proposalTexts(read());
const indexMs = performance.now() - indexStart;
console.log(
  `${paragraphs} paragraphs, ${words} words: guard per keystroke median ${samples[100].toFixed(2)} ms, p95 ${samples[190].toFixed(2)} ms; reading ${proposals.length} proposals ${indexMs.toFixed(2)} ms`,
);
