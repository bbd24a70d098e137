// The words of one paragraph as Word runs: formatting kept; in the "proposals" variant each
// proposal as a real tracked change (w:ins / w:del) authored "<Delegation> (<person>)" and dated
// when it was made; square brackets typed as negotiators type them, "[" before the first word
// and "]" after the last, with a footnote naming the delegation that placed them; alternatives
// as "[Alt 1: …] [Alt 2: …]" (lib/alternatives/alternative-edges.ts, as the other exports); and
// comment ranges around the words their threads are on.
import {
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  DeletedTextRun,
  FootnoteReferenceRun,
  InsertedTextRun,
  type ParagraphChild,
  TextRun,
} from "docx";
import { alternativeEdges, alternativeText } from "@/lib/alternatives/alternative-edges";
import { bracketEdges } from "@/lib/brackets/bracket-edges";
import type { BracketOnWords, TextRun as ModelRun, Paragraph } from "@/lib/clause-model/clause-model";
import { withoutAnchors } from "@/lib/clause-model/zero-width-anchor";
import { type KeySpans, keysOf } from "./clause-comments";
import { type DocxWriter, wordDate } from "./docx-writer";

/** The threads of the clause being written: where each key runs, and the comment ids on it. */
export type ClauseComments = { spans: KeySpans; placed: Map<string, number[]> };

function bracketNote(bracket: BracketOnWords): string {
  const note = bracket.note ? `: ${bracket.note}` : ".";
  return `Square brackets of ${bracket.organizationCode} (${bracket.personName}), ${bracket.at.slice(0, 10)}${note}`;
}

function closing(bracket: BracketOnWords, writer: DocxWriter): ParagraphChild[] {
  return [new TextRun("]"), new FootnoteReferenceRun(writer.addFootnote(bracketNote(bracket)))];
}

function words(run: ModelRun, writer: DocxWriter): ParagraphChild {
  const format = {
    bold: run.formatting.includes("bold"),
    italics: run.formatting.includes("italic"),
    ...(run.formatting.includes("underline") ? { underline: {} } : {}),
  };
  const text = withoutAnchors(run.text);
  const proposal = writer.variant === "proposals" ? run.proposal : null;
  if (!proposal) return new TextRun({ text, ...format });
  const author = proposal.author
    ? `${proposal.author.organizationName} (${proposal.author.authorName})`
    : "Unknown delegation";
  const change = {
    id: writer.nextAnnotationId(),
    author,
    date: wordDate(proposal.at ? new Date(proposal.at) : writer.at, writer.at),
    // A proposed paragraph break alone has no words: a pilcrow shows it, as in the printable page.
    text: text === "" ? "¶" : text,
    ...format,
  };
  return proposal.kind === "insertion" ? new InsertedTextRun(change) : new DeletedTextRun(change);
}

export function paragraphRuns(
  paragraph: Paragraph,
  index: number,
  writer: DocxWriter,
  comments: ClauseComments | null,
): ParagraphChild[] {
  const { edges, end } = bracketEdges(paragraph.inlines);
  const alternatives = alternativeEdges(paragraph.inlines, writer.wordings);
  const out: ParagraphChild[] = [];
  paragraph.inlines.forEach((inline, i) => {
    for (const bracket of edges[i].close) out.push(...closing(bracket, writer));
    for (const _ of edges[i].open) out.push(new TextRun("["));
    const alt = alternativeText(alternatives[i]);
    if (alt.before) out.push(new TextRun(alt.before));
    if (inline.type === "hardBreak") out.push(new TextRun({ break: 1 }));
    else {
      const at = `${index}:${i}`;
      const keys = comments ? keysOf(inline.anchors, inline.proposal?.id ?? null) : [];
      const ids = (edge: "first" | "last") =>
        keys.flatMap((key) => (comments?.spans.get(key)?.[edge] === at ? (comments.placed.get(key) ?? []) : []));
      for (const id of ids("first")) out.push(new CommentRangeStart(id));
      if (withoutAnchors(inline.text) !== "" || (writer.variant === "proposals" && inline.proposal))
        out.push(words(inline, writer));
      // Replies are referenced before their comment: a reader that stacks comments at one place
      // (LibreOffice) then lists the comment first.
      for (const id of ids("last").reverse()) out.push(new CommentRangeEnd(id), commentReference(id));
    }
    if (alt.after) out.push(new TextRun(alt.after));
  });
  for (const bracket of end) out.push(...closing(bracket, writer));
  return out;
}

export function commentReference(id: number): TextRun {
  return new TextRun({ children: [new CommentReference(id)] });
}
