// What comparing two readings of a long clause costs: a 20,000-word clause (200 numbered-style
// paragraphs of 100 words, as bench/lib/bench-clauses.ts builds them) against a second reading
// with words changed in some paragraphs, two paragraphs removed and two added. Measured, each
// against a reference in the same run:
// - the compare (paragraphs aligned, then word by word inside changed paragraphs), against one
//   word-level diff of the whole text as a single sequence (what a compare without paragraph
//   alignment does);
// - reading a version's text from its Yjs state (done once when a version is saved), against
//   the compare itself, to show which dominates.
// Prints figures, writes them to bench/results/compare-readings-<date>.json; asserts nothing.
// Run: node --import tsx bench/compare-readings.ts
import { mkdirSync, writeFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { prosemirrorJSONToYDoc } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import { CLAUSE_FRAGMENT, clauseSchema } from "@/lib/editor/extensions";
import { compareReadings, wordsOf } from "@/lib/readings/compare-readings";
import { readingOfState } from "@/lib/readings/reading";
import { diffSequences, interner } from "@/lib/readings/sequence-diff";
import { longClauseBody } from "./lib/bench-clauses";

const WORDS = 20_000;
const RUNS = 15;

type Body = { type: "doc"; content: { type: "paragraph"; content: { type: "text"; text: string }[] }[] };

function stateOf(body: Body): Uint8Array {
  const doc = prosemirrorJSONToYDoc(clauseSchema, body, CLAUSE_FRAGMENT);
  const state = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return state;
}

/** The second reading: `edited` paragraphs with a word replaced and one inserted, 2 removed, 2 added. */
function secondReading(first: Body, edited: number): Body {
  const paragraphs = first.content.map((p) => p.content[0].text);
  const step = Math.max(1, Math.floor(paragraphs.length / edited));
  for (let i = 0; i < paragraphs.length && i / step < edited; i += step) {
    paragraphs[i] = paragraphs[i].replace(" shall ", " may ").replace(" measures ", " effective measures ");
  }
  paragraphs.splice(50, 1);
  paragraphs.splice(120, 1);
  paragraphs.splice(80, 0, "A new paragraph proposed by a delegation and accepted by the chair.");
  paragraphs.splice(160, 0, "Another new paragraph agreed in informal consultations.");
  return { type: "doc", content: paragraphs.map((text) => ({ type: "paragraph", content: [{ type: "text", text }] })) };
}

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function measure(work: () => unknown): number {
  work(); // warm up
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    work();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

const first = longClauseBody(WORDS) as Body;
const results: Record<string, number | string> = { words: WORDS, runs: RUNS };
const firstState = stateOf(first);
const firstReading = readingOfState(firstState);
for (const edited of [20, 200]) {
  const second = secondReading(first, edited);
  const secondState = stateOf(second);
  const secondReadingOf = readingOfState(secondState);
  let changes = 0;
  const compare = measure(() => {
    changes = compareReadings(firstReading, secondReadingOf).changes.length;
  });
  const wholeText = measure(() => {
    const id = interner<string>();
    const a = wordsOf(firstReading.paragraphs.map((p) => p.text).join("\n\n")).map(id);
    const b = wordsOf(secondReadingOf.paragraphs.map((p) => p.text).join("\n\n")).map(id);
    diffSequences(a, b, 100_000);
  });
  const read = measure(() => readingOfState(secondState));
  console.log(
    `${edited} paragraphs edited, 2 removed, 2 added: compare ${compare.toFixed(1)} ms (${changes} changes) · ` +
      `whole text as one word diff ${wholeText.toFixed(1)} ms (${(wholeText / compare).toFixed(1)}×) · ` +
      `reading one version from its Yjs state ${read.toFixed(1)} ms`,
  );
  Object.assign(results, {
    [`edited${edited}.compareMs`]: compare,
    [`edited${edited}.changes`]: changes,
    [`edited${edited}.wholeTextWordDiffMs`]: wholeText,
    [`edited${edited}.readVersionMs`]: read,
  });
}
mkdirSync("bench/results", { recursive: true });
const file = `bench/results/compare-readings-${new Date().toISOString().replace(/[:.]/g, "-")}.json`;
writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
console.log(`written to ${file}`);
