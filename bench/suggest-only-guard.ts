// What the suggest-only guard costs per delegate keystroke on a long clause: the guard as it
// runs (only the blocks a keystroke touched are read and compared) against a reference in the
// same run that re-reads and compares the whole clause. Prints figures, writes them to
// bench/results/suggest-only-guard-<date>.json; asserts nothing.
// Run: node --import tsx bench/suggest-only-guard.ts [paragraphs]
import { mkdirSync, writeFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { prosemirrorToYXmlFragment, yXmlFragmentToProseMirrorRootNode } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import { CLAUSE_FRAGMENT, clauseSchema } from "@/lib/editor/extensions";
import { changedBlocks } from "@/lib/proposals/changed-blocks";
import { checkSuggestion } from "@/lib/proposals/check-suggestion";
import { clauseBlocks } from "@/lib/proposals/clause-blocks";

const paragraphs = Number(process.argv[2] ?? 200);
const KEYSTROKES = 400;
const sentence =
  "States Parties shall adopt such legislative and other measures as may be necessary to establish offences. ";
const author = {
  authorId: "11111111-1111-4111-8111-111111111111",
  authorName: "A",
  organizationId: "aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa",
  organizationCode: "AUS",
  organizationName: "Australia",
  colour: "#1d4ed8",
};

function longClause(): Y.Doc {
  const doc = new Y.Doc({ gc: false });
  const node = clauseSchema.node(
    "doc",
    null,
    Array.from({ length: paragraphs }, () =>
      clauseSchema.node("paragraph", null, [clauseSchema.text(sentence.repeat(6))]),
    ),
  );
  prosemirrorToYXmlFragment(node, doc.getXmlFragment(CLAUSE_FRAGMENT));
  return doc;
}

/** One keystroke by the delegate: a proposed character in paragraph i, as a Yjs update. */
function keystroke(source: Y.Doc, i: number): Uint8Array {
  const before = Y.encodeStateVector(source);
  const text = (source.getXmlFragment(CLAUSE_FRAGMENT).get(i % paragraphs) as Y.XmlElement).get(0) as Y.XmlText;
  text.insert(10, "x", { insertion: { id: `p-${i % 7}`, ...author, at: "2026-11-28T10:00:00Z" } });
  return Y.encodeStateAsUpdate(source, before);
}

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))];
}

function run(judge: (shadow: Y.Doc, update: Uint8Array) => boolean): number[] {
  const source = longClause();
  const shadow = new Y.Doc({ gc: false });
  Y.applyUpdate(shadow, Y.encodeStateAsUpdate(source));
  const samples: number[] = [];
  for (let i = 0; i < KEYSTROKES; i++) {
    const update = keystroke(source, i);
    const start = performance.now();
    if (!judge(shadow, update)) throw new Error("an honest keystroke was refused");
    samples.push(performance.now() - start);
  }
  return samples;
}

// The guard as it runs: incremental blocks, only the touched ones compared.
const readers = new WeakMap<Y.Doc, ReturnType<typeof clauseBlocks>>();
const incremental = run((shadow, update) => {
  let blocks = readers.get(shadow);
  if (!blocks) {
    blocks = clauseBlocks(shadow);
    readers.set(shadow, blocks);
  }
  const before = blocks.read();
  Y.applyUpdate(shadow, update);
  const changed = changedBlocks(before, blocks.read());
  return !changed || checkSuggestion(changed.before, changed.after, author).ok;
});

// Reference: read the whole clause after every keystroke and compare all of it.
const read = (doc: Y.Doc) => [
  ...yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(CLAUSE_FRAGMENT), clauseSchema).children,
];
const previous = new WeakMap<Y.Doc, ReturnType<typeof read>>();
const wholeClause = run((shadow, update) => {
  const before = previous.get(shadow) ?? read(shadow);
  Y.applyUpdate(shadow, update);
  const after = read(shadow);
  previous.set(shadow, after);
  return checkSuggestion(before, after, author).ok;
});

const words = sentence.repeat(6).split(/\s+/).length * paragraphs;
const figures = {
  paragraphs,
  words,
  keystrokes: KEYSTROKES,
  guardMs: { p50: percentile(incremental, 50), p95: percentile(incremental, 95) },
  referenceWholeClauseMs: { p50: percentile(wholeClause, 50), p95: percentile(wholeClause, 95) },
};
const ratio = figures.referenceWholeClauseMs.p50 / figures.guardMs.p50;
console.log(
  `Suggest-only guard, ${paragraphs} paragraphs (${words} words), ${KEYSTROKES} keystrokes:\n` +
    `  guard (touched blocks only)      p50 ${figures.guardMs.p50.toFixed(3)} ms  p95 ${figures.guardMs.p95.toFixed(3)} ms\n` +
    `  reference (whole clause re-read) p50 ${figures.referenceWholeClauseMs.p50.toFixed(3)} ms  p95 ${figures.referenceWholeClauseMs.p95.toFixed(3)} ms\n` +
    `  the guard is ${ratio.toFixed(0)}× cheaper per keystroke`,
);
mkdirSync("bench/results", { recursive: true });
const file = `bench/results/suggest-only-guard-${new Date().toISOString().replace(/[:.]/g, "-")}.json`;
writeFileSync(file, `${JSON.stringify({ ...figures, ratio }, null, 2)}\n`);
console.log(`written to ${file}`);
