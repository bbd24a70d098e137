// Reads the inline content of a paragraph — its Y.XmlText children and line breaks — into runs,
// strictly: only the marks of the shared schema, with their attributes of the right type, and
// nothing but text. Anything else makes the reading fail with the reason.
import * as Y from "yjs";
import { readAlternatives } from "@/lib/alternatives/read-alternatives";
import { isBracketKey, readBracket } from "@/lib/brackets/read-bracket";
import { ALTERNATIVES, COMMENT_ANCHOR } from "@/lib/editor/schema-names";
import { AUTHOR_ATTRS, authorOfMark } from "@/lib/editor/suggestions/proposal-author";
import {
  type BracketOnWords,
  FORMATTING,
  type Formatting,
  type Inline,
  type ProposalMark,
  type TextRun,
} from "./clause-model";
import { ClauseUnreadable } from "./clause-unreadable";

const PROPOSAL_ATTRS: readonly string[] = ["id", ...AUTHOR_ATTRS, "at"];
/** Only an insertion may say where its words were taken from (an agreed-language entry). */
const INSERTION_ATTRS: readonly string[] = [...PROPOSAL_ATTRS, "citation"];

/** A JSON object (ProseMirror builds attributes without a prototype, Yjs decodes them with one). */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** An overlapping mark is stored under `name--<hash>` by y-tiptap (comment anchors may overlap). */
function isAnchorKey(key: string): boolean {
  return key === COMMENT_ANCHOR || (key.startsWith(`${COMMENT_ANCHOR}--`) && key.length > COMMENT_ANCHOR.length + 2);
}

// Yjs hands out the same attribute object for every read of one mark: it is checked once.
const checked = new WeakMap<object, { kind: string; mark: ProposalMark }>();

function proposalMark(kind: "insertion" | "deletion", value: unknown): ProposalMark {
  const known = typeof value === "object" && value !== null ? checked.get(value) : undefined;
  if (known?.kind === kind) return known.mark;
  const mark = readProposalMark(kind, value);
  checked.set(value as object, { kind, mark });
  return mark;
}

function readProposalMark(kind: "insertion" | "deletion", value: unknown): ProposalMark {
  if (!isPlainObject(value)) throw new ClauseUnreadable(`a proposed ${kind} without its attributes`);
  const allowed = kind === "insertion" ? INSERTION_ATTRS : PROPOSAL_ATTRS;
  for (const [key, attr] of Object.entries(value)) {
    if (!allowed.includes(key)) throw new ClauseUnreadable(`a proposal mark with an unknown attribute "${key}"`);
    if (attr !== null && typeof attr !== "string")
      throw new ClauseUnreadable(`a proposal mark whose "${key}" is not text`);
  }
  if (typeof value.id !== "string" || value.id === "") throw new ClauseUnreadable("a proposal mark without an id");
  return {
    kind,
    id: value.id,
    author: authorOfMark(value),
    at: typeof value.at === "string" ? value.at : null,
    citation: typeof value.citation === "string" ? value.citation : null,
    attrs: JSON.stringify(allowed.map((key) => value[key] ?? null)),
  };
}

function anchorThread(value: unknown): string {
  if (!isPlainObject(value) || typeof value.threadId !== "string" || Object.keys(value).length !== 1)
    throw new ClauseUnreadable("a comment anchor without exactly a thread id");
  return value.threadId;
}

function run(text: string, attributes: Record<string, unknown> | undefined, source: TextRun["source"]): TextRun {
  const formatting: Formatting[] = [];
  const anchors: string[] = [];
  let proposal: ProposalMark | null = null;
  const brackets: BracketOnWords[] = [];
  let alternatives: string | undefined;
  for (const [key, value] of Object.entries(attributes ?? {})) {
    if ((FORMATTING as readonly string[]).includes(key)) {
      if (!isPlainObject(value) || Object.keys(value).length > 0)
        throw new ClauseUnreadable(`formatting "${key}" with attributes`);
      formatting.push(key as Formatting);
    } else if (key === "insertion" || key === "deletion") {
      if (proposal) throw new ClauseUnreadable("words both proposed for insertion and for deletion");
      proposal = proposalMark(key, value);
    } else if (isAnchorKey(key)) anchors.push(anchorThread(value));
    else if (isBracketKey(key)) brackets.push(readBracket(value));
    else if (key === ALTERNATIVES) alternatives = readAlternatives(value);
    else if (key === "modification")
      throw new ClauseUnreadable("a proposed change of formatting, which cannot be proposed");
    else throw new ClauseUnreadable(`an unknown mark "${key}"`);
  }
  formatting.sort((a, b) => FORMATTING.indexOf(a) - FORMATTING.indexOf(b));
  anchors.sort();
  brackets.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const read: TextRun = { type: "text", text, formatting, anchors, proposal, brackets, source };
  if (alternatives) read.alternatives = alternatives;
  return read;
}

function readText(text: Y.XmlText, into: Inline[]): void {
  if (Object.keys(text.getAttributes()).length > 0) throw new ClauseUnreadable("attributes on a text node");
  let index = 0;
  for (const op of text.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[]) {
    if (typeof op.insert !== "string") throw new ClauseUnreadable("something other than words inside the text");
    into.push(run(op.insert, op.attributes, { text, index }));
    index += op.insert.length;
  }
}

/** The inline content of a paragraph element. */
export function readRuns(paragraph: Y.XmlElement): Inline[] {
  const inlines: Inline[] = [];
  for (const child of paragraph.toArray() as unknown[]) {
    if (child instanceof Y.XmlText) readText(child, inlines);
    else if (child instanceof Y.XmlElement && child.nodeName === "hardBreak") {
      if (child.length > 0 || Object.keys(child.getAttributes()).length > 0)
        throw new ClauseUnreadable("a line break with content or attributes");
      inlines.push({ type: "hardBreak" });
    } else if (child instanceof Y.XmlElement) throw new ClauseUnreadable(`a "${child.nodeName}" inside a paragraph`);
    else throw new ClauseUnreadable("something other than text inside a paragraph");
  }
  return inlines;
}
