// What bringing a clause back to a version takes, as proposals against its agreed text: the
// word-level difference from the agreed text now (the one reading, lib/readings/reading.ts) to
// the version's, by lib/readings' own compare, turned into passages of the live text to strike
// and words to propose — one proposal per contiguous change within a paragraph, one per
// paragraph the version adds or removes. Pure: it reads the clause model (with its sources in
// the live document) and writes nothing; restore-in-text.ts carries the plan out.
//
// The safe rule for open proposals: a restore never writes on or inside another proposal's
// words. Where a change would strike words already proposed for deletion, or put words inside
// or beside proposed words (where the two could not be told apart in order), the plan names
// those proposals as in the way and nothing is written: the chair decides them first.
import type * as Y from "yjs";
import type {
  ClauseModel,
  ClauseNode,
  Formatting,
  ListItem,
  Paragraph,
  TextRun,
} from "@/lib/clause-model/clause-model";
import { planDecision } from "@/lib/clause-model/decision-plan";
import { ANCHOR } from "@/lib/clause-model/zero-width-anchor";
import { alignParagraphs } from "./compare-readings";
import { agreedParagraphs, type ReadingParagraph } from "./reading";

/** One agreed character of the live text, where it sits, and the deletion proposed on it if any. */
type AgreedChar =
  | { kind: "text"; text: Y.XmlText; index: number; formatting: readonly Formatting[]; deletion: string | null }
  | { kind: "break" };

/** Where a live paragraph sits: its element, the list item it opens (if any), its depth, its top-level block. */
export type Place = {
  paragraph: Y.XmlElement;
  /** The list item whose first paragraph this is. */
  item: Y.XmlElement | null;
  depth: number;
  top: Y.XmlElement;
};

/** An agreed paragraph read from the live text: its words, each character's place, the gaps between. */
type LiveParagraph = {
  text: string;
  chars: AgreedChar[];
  /** Proposals whose words stand at each gap (0 … text.length) without being agreed words. */
  gaps: Set<string>[];
  first: Place;
  last: Place;
  /** Proposals of whole paragraphs standing right after this one. */
  after: Set<string>;
};

/** A mark of deletion on a range of one Yjs text. */
export type Strike = { text: Y.XmlText; index: number; length: number };
/** Words proposed at a place in a Yjs text, with the formatting of the words beside them. */
export type Addition = { text: Y.XmlText; index: number; words: string; formatting: readonly Formatting[] };
/** Paragraphs the version has and the text lacks, proposed whole, after (or before) a place. */
export type NewParagraphs = { beside: Place | null; side: "after" | "before"; paragraphs: ReadingParagraph[] };

/** One proposal of the restore (a run of new paragraphs: one for each), in reading order. */
export type PlannedProposal =
  | { kind: "passage"; strikes: Strike[]; addition: Addition | null; struck: string; words: string }
  | { kind: "paragraphs"; added: NewParagraphs };

export type RestorePlan =
  | { kind: "equal" }
  | { kind: "proposals"; proposals: PlannedProposal[] }
  /** Open proposals stand where the restore would write: their ids. */
  | { kind: "blocked"; by: string[] }
  /** The difference cannot be said as proposals (line breaks inside a paragraph, empty paragraphs). */
  | { kind: "inexpressible"; reason: string };

export const LINE_BREAKS =
  "This version differs from the current text in line breaks inside a paragraph, which proposals cannot express. Restore those by editing.";
export const EMPTY_PARAGRAPHS =
  "This version differs from the current text only in empty paragraphs, which proposals cannot express.";
export const UNREADABLE = "The current text could not be read for a restore. Nothing was changed.";

type Visit = { paragraph: Paragraph; place: Place };

/** Every paragraph of the clause, in reading order, with its place. */
function placesOf(model: ClauseModel): Visit[] {
  const out: Visit[] = [];
  const walk = (nodes: readonly ClauseNode[], depth: number, top: Y.XmlElement | null, item: ListItem | null) => {
    nodes.forEach((node, index) => {
      const at = top ?? (node.source as Y.XmlElement);
      if (node.type === "paragraph") {
        const opens = item && index === 0 ? (item.source as Y.XmlElement) : null;
        out.push({
          paragraph: node,
          place: { paragraph: node.source as Y.XmlElement, item: opens, depth, top: at },
        });
      } else if (node.type === "listItem") walk(node.blocks, depth, at, node);
      else walk(node.items, depth + 1, at, null);
    });
  };
  walk(model.blocks, 0, null, null);
  return out;
}

/**
 * The agreed paragraphs read from the live text, with each character's place: what "reject
 * every open proposal" leaves (decision-plan.ts), paragraph by paragraph. Null when it does not
 * read exactly as the one reading of the clause does.
 */
function liveParagraphs(model: ClauseModel): LiveParagraph[] | null {
  const plan = planDecision(model.blocks, "all", "REJECTED");
  const removed = new Set<TextRun>(plan.remove);
  const emptied = new Set<Paragraph>(plan.emptied);
  const joinedTo = new Map<Paragraph, Paragraph>(plan.joins.map(([first, second]) => [second, first]));
  const ofParagraph = new Map<Paragraph, LiveParagraph>();
  const out: LiveParagraph[] = [];
  const atStart = new Set<string>();
  for (const { paragraph, place } of placesOf(model)) {
    if (emptied.has(paragraph)) {
      const ids = out.length > 0 ? out[out.length - 1].after : atStart;
      for (const inline of paragraph.inlines)
        if (inline.type === "text" && inline.proposal) ids.add(inline.proposal.id);
      continue;
    }
    const joined = joinedTo.get(paragraph);
    let live = joined ? ofParagraph.get(joined) : undefined;
    if (live) live.last = place;
    else {
      live = { text: "", chars: [], gaps: [new Set()], first: place, last: place, after: new Set() };
      out.push(live);
    }
    ofParagraph.set(paragraph, live);
    const current = live;
    const gap = () => current.gaps[current.chars.length];
    for (const inline of paragraph.inlines) {
      if (inline.type === "hardBreak") {
        current.chars.push({ kind: "break" });
        current.text += "\n";
        current.gaps.push(new Set());
        continue;
      }
      if (removed.has(inline)) {
        if (inline.proposal) gap().add(inline.proposal.id);
        continue;
      }
      const source = inline.source as NonNullable<TextRun["source"]>;
      const deletion = inline.proposal?.kind === "deletion" ? inline.proposal.id : null;
      for (let i = 0; i < inline.text.length; i++) {
        if (inline.text[i] === ANCHOR) continue;
        current.chars.push({
          kind: "text",
          text: source.text,
          index: source.index + i,
          formatting: inline.formatting,
          deletion,
        });
        current.text += inline.text[i];
        current.gaps.push(new Set());
      }
    }
  }
  // The one reading drops the editor's own empty last paragraph: so does this.
  const reading = agreedParagraphs(model);
  if (out.length < reading.length) return null;
  for (let i = 0; i < out.length; i++) {
    if (i < reading.length ? out[i].text !== reading[i].text : out[i].text !== "") return null;
  }
  const kept = out.slice(0, reading.length);
  if (kept.length > 0) for (const id of atStart) kept[0].gaps[0].add(id);
  return kept;
}

/** A change within a paragraph: strike [from, from + length), then propose `words` after it. */
type Passage = { from: number; length: number; words: string };

function passagesOf(pieces: { kind: string; text: string }[]): Passage[] {
  const passages: Passage[] = [];
  let at = 0;
  let open: Passage | null = null;
  for (const piece of pieces) {
    if (piece.kind === "same") {
      if (open) passages.push(open);
      open = null;
      at += piece.text.length;
      continue;
    }
    open ??= { from: at, length: 0, words: "" };
    if (piece.kind === "delete") {
      open.length += piece.text.length;
      at += piece.text.length;
    } else open.words += piece.text;
  }
  if (open) passages.push(open);
  return passages;
}

const WORD = /[\p{L}\p{N}]/u;

/** A cut at `at` falls between words (or at an end), not inside one. */
function between(text: string, at: number): boolean {
  return !(at > 0 && at < text.length && WORD.test(text[at - 1]) && WORD.test(text[at]));
}

/**
 * The passage without what its struck and proposed words share at either end, cut only between
 * words: "cooperate." → "cooperate in good faith." proposes " in good faith", not a replacement.
 */
function narrowed(passage: Passage, text: string): Passage {
  const struck = text.slice(passage.from, passage.from + passage.length);
  const words = passage.words;
  let head = 0;
  while (head < struck.length && head < words.length && struck[head] === words[head]) head++;
  while (head > 0 && !(between(struck, head) && between(words, head))) head--;
  let tail = 0;
  const room = Math.min(struck.length, words.length) - head;
  while (tail < room && struck[struck.length - 1 - tail] === words[words.length - 1 - tail]) tail++;
  while (tail > 0 && !(between(struck, struck.length - tail) && between(words, words.length - tail))) tail--;
  return {
    from: passage.from + head,
    length: struck.length - head - tail,
    words: words.slice(head, words.length - tail),
  };
}

/** Consecutive characters of one Yjs text, struck together. */
function strikesOf(chars: AgreedChar[]): Strike[] {
  const strikes: Strike[] = [];
  for (const char of chars) {
    if (char.kind !== "text") continue;
    const last = strikes[strikes.length - 1];
    if (last && last.text === char.text && last.index + last.length === char.index) last.length++;
    else strikes.push({ text: char.text, index: char.index, length: 1 });
  }
  return strikes;
}

/** Where proposed words go: just after the agreed character before them, else before the one after. */
function additionAt(live: LiveParagraph, at: number, words: string): Addition | null {
  const before = live.chars[at - 1];
  if (before?.kind === "text")
    return { text: before.text, index: before.index + 1, words, formatting: before.formatting };
  const after = live.chars[at];
  if (after?.kind === "text") return { text: after.text, index: after.index, words, formatting: after.formatting };
  return null;
}

/** Plans bringing the clause's agreed text back to `target` (a version's agreed paragraphs). */
export function planRestore(model: ClauseModel, target: readonly ReadingParagraph[]): RestorePlan {
  const live = liveParagraphs(model);
  if (!live) return { kind: "inexpressible", reason: UNREADABLE };
  const reading = agreedParagraphs(model);
  const now = live.map((paragraph, index) => ({ ...reading[index], text: paragraph.text }));
  if (now.length === target.length && now.every((paragraph, i) => paragraph.text === target[i].text))
    return { kind: "equal" };

  // Words for an empty paragraph are proposed as a paragraph of their own after it: proposed
  // into it, they would make it a proposed paragraph, which a rejection takes away.
  const rows = alignParagraphs(now, target).flatMap((row) =>
    row.from && row.to && now[row.from.index].text === "" && target[row.to.index].text !== ""
      ? [
          { ...row, to: null, pieces: [] },
          { ...row, from: null },
        ]
      : [row],
  );
  const proposals: PlannedProposal[] = [];
  const blocking = new Set<string>();
  let lineBreaks = false;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (row.to && !row.from) {
      // Paragraphs the version adds here: proposed whole, beside the paragraph before them.
      const added: ReadingParagraph[] = [];
      while (r < rows.length && rows[r].to && !rows[r].from) {
        added.push(target[rows[r].to?.index as number]);
        r++;
      }
      r--;
      const previous = rows
        .slice(0, r)
        .reverse()
        .find((other) => other.from);
      const next = rows.slice(r + 1).find((other) => other.from);
      if (added.some((paragraph) => paragraph.text.includes("\n"))) lineBreaks = true;
      if (previous?.from) {
        const before = live[previous.from.index];
        for (const id of before.after) blocking.add(id);
        proposals.push({ kind: "paragraphs", added: { beside: before.last, side: "after", paragraphs: added } });
      } else if (next?.from) {
        const after = live[next.from.index];
        for (const id of after.gaps[0]) blocking.add(id);
        proposals.push({ kind: "paragraphs", added: { beside: after.first, side: "before", paragraphs: added } });
      } else proposals.push({ kind: "paragraphs", added: { beside: null, side: "before", paragraphs: added } });
      continue;
    }
    const paragraph = live[row.from?.index as number];
    const passages = row.to
      ? passagesOf(row.pieces).map((passage) => narrowed(passage, paragraph.text))
      : paragraph.text === ""
        ? []
        : [{ from: 0, length: paragraph.text.length, words: "" }];
    for (const passage of passages) {
      const struck = paragraph.chars.slice(passage.from, passage.from + passage.length);
      for (const char of struck) {
        if (char.kind === "break") lineBreaks = true;
        else if (char.deletion) blocking.add(char.deletion);
      }
      // Words already proposed inside the struck passage stay the other proposal's, untouched.
      let addition: Addition | null = null;
      if (passage.words) {
        const at = passage.from + passage.length;
        for (const id of paragraph.gaps[at]) blocking.add(id);
        const [left, right] = [paragraph.chars[at - 1], paragraph.chars[at]];
        if (left?.kind === "text" && right?.kind === "text" && left.deletion && left.deletion === right.deletion)
          blocking.add(left.deletion);
        if (passage.words.includes("\n")) lineBreaks = true;
        addition = additionAt(paragraph, at, passage.words);
        if (!addition) lineBreaks = true;
      }
      proposals.push({
        kind: "passage",
        strikes: strikesOf(struck),
        addition,
        struck: paragraph.text.slice(passage.from, passage.from + passage.length),
        words: passage.words,
      });
    }
  }
  if (blocking.size > 0) return { kind: "blocked", by: [...blocking] };
  if (lineBreaks) return { kind: "inexpressible", reason: LINE_BREAKS };
  if (proposals.length === 0) return { kind: "inexpressible", reason: EMPTY_PARAGRAPHS };
  return { kind: "proposals", proposals };
}

/** How many proposals the plan makes: one per passage, one per new paragraph. */
export function proposalCount(proposals: readonly PlannedProposal[]): number {
  return proposals.reduce((count, p) => count + (p.kind === "passage" ? 1 : p.added.paragraphs.length), 0);
}
