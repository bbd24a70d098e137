// What a clause crowded with proposals costs the server: a clause of 250 paragraphs holding
// 5,000 proposals of three delegations (insertions, deletions, replacements), and a paragraph of
// 8,000 one-character proposals. Measured, each against a reference in the same run:
// - the guard per delegate keystroke (the server's own judgeUpdate, the clause read
//   incrementally, only the touched blocks compared), against re-reading and comparing the
//   whole clause;
// - the proposals index after a keystroke (the clause model's proposals list), against the
//   reading it replaced (ProseMirror nodes from y-tiptap, contexts recomputed for every run);
// - the comment-anchor check after a keystroke.
// The guard's look-ups in the Proposal table are left out (the server asks once per new id).
// Prints figures, writes them to bench/results/proposals-at-scale-<date>.json; asserts nothing.
// Run: node --import tsx bench/proposals-at-scale.ts
import { randomUUID } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { yXmlFragmentToProseMirrorRootNode } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import { anchoredThreadIds } from "@/lib/clause-model/anchored-threads";
import { clauseReader } from "@/lib/clause-model/clause-reader";
import { proposalOwners } from "@/lib/clause-model/proposal-owners";
import { proposalsInClause } from "@/lib/clause-model/proposals-in-clause";
import { readClause } from "@/lib/clause-model/read-clause";
import { CLAUSE_FRAGMENT, clauseSchema } from "@/lib/editor/extensions";
import type { ProposalAuthor } from "@/lib/editor/suggestions/proposal-author";
import { checkSuggestion } from "@/lib/proposals/check-suggestion";
import { judgeUpdate } from "@/lib/proposals/judge-update";
import { proposalTexts } from "./lib/reference-proposal-texts";

const PARAGRAPHS = 250;
const PER_PARAGRAPH = 20;
const KEYSTROKES = 400;
const INDEX_READS = 40;
const NOW = new Date().toISOString();

const delegation = (n: number, code: string): ProposalAuthor => ({
  authorId: `${n}1111111-1111-4111-8111-111111111111`,
  authorName: `Delegate of ${code}`,
  organizationId: `${n}aaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa`,
  organizationCode: code,
  organizationName: code,
  colour: "#1d4ed8",
});
const delegations = [delegation(1, "AUS"), delegation(2, "CAN"), delegation(3, "FRA")];
const typist = delegations[0];

const mark = (author: ProposalAuthor, id: string) => ({ id, ...author, at: NOW });

/** 250 paragraphs, each agreed words with 20 proposals in them: 5,000 proposals. */
function crowdedClause(): { doc: Y.Doc; own: { text: Y.XmlText; id: string }[] } {
  const doc = new Y.Doc({ gc: false });
  const fragment = doc.getXmlFragment(CLAUSE_FRAGMENT);
  const own: { text: Y.XmlText; id: string }[] = [];
  doc.transact(() => {
    for (let p = 0; p < PARAGRAPHS; p++) {
      const paragraph = new Y.XmlElement("paragraph");
      fragment.push([paragraph]);
      const text = new Y.XmlText();
      paragraph.push([text]);
      for (let k = 0; k < PER_PARAGRAPH; k++) {
        const author = delegations[(p + k) % delegations.length];
        const id = randomUUID();
        text.insert(text.length, "States Parties shall adopt ");
        const kind = k % 3;
        if (kind !== 1) text.insert(text.length, "measures", { deletion: mark(author, id) });
        if (kind !== 0) text.insert(text.length, " necessary", { insertion: mark(author, id) });
        if (author === typist && kind !== 1) own.push({ text, id });
      }
    }
  });
  return { doc, own };
}

/** 8,000 one-character proposals in one paragraph, between agreed characters. */
function oneCharacterProposals(): Y.Doc {
  const doc = new Y.Doc({ gc: false });
  const paragraph = new Y.XmlElement("paragraph");
  doc.getXmlFragment(CLAUSE_FRAGMENT).push([paragraph]);
  const text = new Y.XmlText();
  paragraph.push([text]);
  doc.transact(() => {
    for (let i = 0; i < 8000; i++) {
      text.insert(text.length, "a");
      text.insert(text.length, "b", { insertion: mark(delegations[i % 3], randomUUID()) });
    }
  });
  return doc;
}

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))];
}

const summary = (samples: number[]) => ({ p50: percentile(samples, 50), p95: percentile(samples, 95) });

/** The delegate's keystrokes: growing their own proposals in paragraphs across the clause. */
function* keystrokes(source: Y.Doc, own: { text: Y.XmlText; id: string }[]): Generator<Uint8Array> {
  for (let i = 0; i < KEYSTROKES; i++) {
    const { text, id } = own[(i * 37) % own.length];
    const before = Y.encodeStateVector(source);
    const delta = text.toDelta() as { insert: string; attributes?: Record<string, { id?: string }> }[];
    let at = 0;
    for (const op of delta) {
      at += op.insert.length;
      if (op.attributes?.insertion?.id === id || op.attributes?.deletion?.id === id) break;
    }
    const kind = delta.some((op) => op.attributes?.insertion?.id === id) ? "insertion" : "deletion";
    // Grows an insertion by a letter; next to a deletion, a new insertion of one's own.
    text.insert(at, "x", { insertion: kind === "insertion" ? mark(typist, id) : mark(typist, randomUUID()) });
    yield Y.encodeStateAsUpdate(source, before);
  }
}

async function guardCosts() {
  const { doc: source, own } = crowdedClause();
  const shadow = { doc: new Y.Doc({ gc: false }), reader: null as unknown as ReturnType<typeof clauseReader> };
  Y.applyUpdate(shadow.doc, Y.encodeStateAsUpdate(source));
  shadow.reader = clauseReader(shadow.doc);
  const reference = new Y.Doc({ gc: false });
  Y.applyUpdate(reference, Y.encodeStateAsUpdate(source));
  const judging = {
    me: typist,
    mayOnlySuggest: true,
    known: async (clause: Parameters<typeof proposalOwners>[0], ids: ReadonlySet<string>) => {
      const known = new Map();
      for (const [id, owner] of proposalOwners(clause, ids)) known.set(id, { ...owner, decided: false });
      return known;
    },
  };
  shadow.reader.read();
  const ours: number[] = [];
  const whole: number[] = [];
  const index: number[] = [];
  const anchors: number[] = [];
  let previous = readClause(reference).blocks;
  for (const update of keystrokes(source, own)) {
    let start = performance.now();
    const verdict = await judgeUpdate(shadow, update, judging);
    ours.push(performance.now() - start);
    if (verdict) throw new Error(`an honest keystroke was refused: ${verdict.reason}`);
    // After the keystroke, the index and the anchor check read the (incrementally read) clause.
    start = performance.now();
    proposalsInClause(shadow.reader.read());
    index.push(performance.now() - start);
    start = performance.now();
    anchoredThreadIds(shadow.reader.read());
    anchors.push(performance.now() - start);
    // Reference: the whole clause read again and compared.
    start = performance.now();
    Y.applyUpdate(reference, update);
    const now = readClause(reference).blocks;
    const check = checkSuggestion(previous, now, typist, { now: Date.now() });
    whole.push(performance.now() - start);
    if (!check.ok) throw new Error(`the reference refused an honest keystroke: ${check.reason}`);
    previous = now;
  }
  return { guard: summary(ours), reference: summary(whole), index: summary(index), anchors: summary(anchors), source };
}

/** The proposals index read from scratch: the clause model against the reading it replaced. */
function indexCosts(doc: Y.Doc) {
  const ours: number[] = [];
  const old: number[] = [];
  let count = 0;
  for (let i = 0; i < INDEX_READS; i++) {
    let start = performance.now();
    count = proposalsInClause(readClause(doc)).length;
    ours.push(performance.now() - start);
    if (i >= 5) continue; // the old reading is slow enough that a few samples tell
    start = performance.now();
    proposalTexts(yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(CLAUSE_FRAGMENT), clauseSchema));
    old.push(performance.now() - start);
  }
  return { proposals: count, modelMs: summary(ours), referenceOldReadingMs: summary(old) };
}

const { source, ...guard } = await guardCosts();
const crowded = indexCosts(source);
const oneCharacter = indexCosts(oneCharacterProposals());
const figures = {
  clause: { paragraphs: PARAGRAPHS, proposals: PARAGRAPHS * PER_PARAGRAPH, keystrokes: KEYSTROKES },
  guardPerKeystrokeMs: guard.guard,
  referenceWholeClausePerKeystrokeMs: guard.reference,
  indexAfterKeystrokeMs: guard.index,
  anchorCheckAfterKeystrokeMs: guard.anchors,
  indexFromScratch: crowded,
  oneParagraphOf8000OneCharacterProposals: oneCharacter,
};
const ms = (s: { p50: number; p95: number }) => `p50 ${s.p50.toFixed(3)} ms, p95 ${s.p95.toFixed(3)} ms`;
console.log(
  [
    `A clause of ${PARAGRAPHS} paragraphs with ${PARAGRAPHS * PER_PARAGRAPH} proposals, ${KEYSTROKES} delegate keystrokes:`,
    `  guard per keystroke            ${ms(guard.guard)}   (reference, whole clause re-read: ${ms(guard.reference)})`,
    `  index after a keystroke        ${ms(guard.index)}`,
    `  anchor check after a keystroke ${ms(guard.anchors)}`,
    `  index from scratch             ${ms(crowded.modelMs)}   (reference, old reading: ${ms(crowded.referenceOldReadingMs)})`,
    `One paragraph of 8,000 one-character proposals, index from scratch:`,
    `                                 ${ms(oneCharacter.modelMs)}   (reference, old reading: ${ms(oneCharacter.referenceOldReadingMs)})`,
  ].join("\n"),
);
mkdirSync("bench/results", { recursive: true });
const file = `bench/results/proposals-at-scale-${new Date().toISOString().replace(/[:.]/g, "-")}.json`;
writeFileSync(file, `${JSON.stringify(figures, null, 2)}\n`);
console.log(`written to ${file}`);
