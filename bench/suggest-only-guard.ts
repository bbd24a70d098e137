// What the suggest-only guard costs per delegate keystroke on a long clause: the guard as it
// runs (only the blocks a keystroke touched are read and compared) against a reference in the
// same run that re-reads and compares the whole clause. Two shapes of clause: plain paragraphs,
// and one numbered list of sub-paragraphs (as most articles are). Prints figures, writes them to
// bench/results/suggest-only-guard-<date>.json; asserts nothing.
// Run: node --import tsx bench/suggest-only-guard.ts [paragraphs]
import { randomUUID } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { prosemirrorToYXmlFragment } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import type { ClauseNode } from "@/lib/clause-model/clause-model";
import { clauseReader } from "@/lib/clause-model/clause-reader";
import { readClause } from "@/lib/clause-model/read-clause";
import { CLAUSE_FRAGMENT, clauseSchema } from "@/lib/editor/extensions";
import { changedBlocks } from "@/lib/proposals/changed-blocks";
import { checkSuggestion } from "@/lib/proposals/check-suggestion";

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

// Proposal ids are UUIDs and a new proposal carries the time now, as the guard requires.
const PROPOSAL_IDS = Array.from({ length: 7 }, () => randomUUID());
const STARTED = new Date().toISOString();

type Shape = "paragraphs" | "numbered";

function longClause(shape: Shape): Y.Doc {
  const doc = new Y.Doc({ gc: false });
  const texts = Array.from({ length: paragraphs }, () =>
    clauseSchema.node("paragraph", null, [clauseSchema.text(sentence.repeat(6))]),
  );
  const content =
    shape === "paragraphs"
      ? texts
      : [
          clauseSchema.node(
            "orderedList",
            null,
            texts.map((paragraph) => clauseSchema.node("listItem", null, [paragraph])),
          ),
        ];
  prosemirrorToYXmlFragment(clauseSchema.node("doc", null, content), doc.getXmlFragment(CLAUSE_FRAGMENT));
  return doc;
}

function textblocks(doc: Y.Doc): Y.XmlText[] {
  const found: Y.XmlText[] = [];
  const visit = (parent: Y.XmlFragment | Y.XmlElement) => {
    for (const child of parent.toArray()) {
      if (child instanceof Y.XmlText) found.push(child);
      else if (child instanceof Y.XmlElement) visit(child);
    }
  };
  visit(doc.getXmlFragment(CLAUSE_FRAGMENT));
  return found;
}

/** One keystroke by the delegate: a proposed character in paragraph i, as a Yjs update. */
function keystroke(source: Y.Doc, texts: Y.XmlText[], i: number): Uint8Array {
  const before = Y.encodeStateVector(source);
  texts[i % texts.length].insert(10, "x", { insertion: { id: PROPOSAL_IDS[i % 7], ...author, at: STARTED } });
  return Y.encodeStateAsUpdate(source, before);
}

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))];
}

type Judge = (shadow: Y.Doc, update: Uint8Array) => boolean;

function run(shape: Shape, makeJudge: () => Judge): number[] {
  const source = longClause(shape);
  const texts = textblocks(source);
  const shadow = new Y.Doc({ gc: false });
  Y.applyUpdate(shadow, Y.encodeStateAsUpdate(source));
  const judge = makeJudge();
  const samples: number[] = [];
  for (let i = 0; i < KEYSTROKES; i++) {
    const update = keystroke(source, texts, i);
    const start = performance.now();
    if (!judge(shadow, update)) throw new Error("an honest keystroke was refused");
    samples.push(performance.now() - start);
  }
  return samples;
}

// The guard as it runs: blocks read incrementally, only the touched ones compared.
const guard = (): Judge => {
  let reader: ReturnType<typeof clauseReader> | null = null;
  return (shadow, update) => {
    reader ??= clauseReader(shadow);
    const before = reader.read().blocks;
    Y.applyUpdate(shadow, update);
    const changed = changedBlocks(before, reader.read().blocks);
    return !changed || checkSuggestion(changed.before, changed.after, author, { atTop: changed.atTop }).ok;
  };
};

// Reference: read the whole clause after every keystroke and compare all of it.
const wholeClause = (): Judge => {
  const read = (doc: Y.Doc) => readClause(doc).blocks;
  let previous: readonly ClauseNode[] | null = null;
  return (shadow, update) => {
    const before = previous ?? read(shadow);
    Y.applyUpdate(shadow, update);
    previous = read(shadow);
    return checkSuggestion(before, previous, author).ok;
  };
};

const words = sentence.repeat(6).split(/\s+/).length * paragraphs;
const figures: Record<string, unknown> = { paragraphs, words, keystrokes: KEYSTROKES };
const lines = [`Suggest-only guard, ${paragraphs} paragraphs (${words} words), ${KEYSTROKES} keystrokes:`];
for (const shape of ["paragraphs", "numbered"] as const) {
  const ours = run(shape, guard);
  const reference = run(shape, wholeClause);
  const result = {
    guardMs: { p50: percentile(ours, 50), p95: percentile(ours, 95) },
    referenceWholeClauseMs: { p50: percentile(reference, 50), p95: percentile(reference, 95) },
    ratio: percentile(reference, 50) / percentile(ours, 50),
  };
  figures[shape] = result;
  lines.push(
    `  ${shape === "paragraphs" ? "plain paragraphs     " : "one numbered list    "}` +
      ` guard p50 ${result.guardMs.p50.toFixed(3)} ms, p95 ${result.guardMs.p95.toFixed(3)} ms;` +
      ` reference (whole clause re-read) p50 ${result.referenceWholeClauseMs.p50.toFixed(3)} ms,` +
      ` p95 ${result.referenceWholeClauseMs.p95.toFixed(3)} ms — ${result.ratio.toFixed(0)}× cheaper`,
  );
}
console.log(lines.join("\n"));
mkdirSync("bench/results", { recursive: true });
const file = `bench/results/suggest-only-guard-${new Date().toISOString().replace(/[:.]/g, "-")}.json`;
writeFileSync(file, `${JSON.stringify(figures, null, 2)}\n`);
console.log(`written to ${file}`);
