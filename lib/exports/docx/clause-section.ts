// One article of the Word export: its heading (Heading 2, carrying the comments of threads that
// have no words to sit on), its status, its text in the export's variant, and in the "changes"
// variant the square brackets removed and added since the version.
import { CommentRangeEnd, CommentRangeStart, HeadingLevel, Paragraph, type ParagraphChild, TextRun } from "docx";
import type { ClauseModel } from "@/lib/clause-model/clause-model";
import type { ExportChangedRow } from "../export-changes";
import type { ExportClause } from "../export-document";
import { CLAUSE_STATUS_LABELS } from "../export-variant";
import { changedRuns } from "./changed-runs";
import { type ClauseWords, clauseParagraphs } from "./clause-blocks";
import { keySpans, writeThreads } from "./clause-comments";
import type { DocxWriter } from "./docx-writer";
import { LEVEL_INDENT } from "./numbering";
import { type ClauseComments, commentReference, paragraphRuns } from "./paragraph-runs";
import { EXPORT_NOTE } from "./styles";

function modelWords(writer: DocxWriter, comments: ClauseComments | null): ClauseWords {
  return {
    wordsOf: (paragraph, index) => paragraphRuns(paragraph, index, writer, comments),
    between: () => [],
    after: () => [],
  };
}

/** The compare's rows laid on the agreed text's paragraphs; a removed paragraph goes before the next that stays. */
function changedWords(rows: readonly ExportChangedRow[], writer: DocxWriter): ClauseWords {
  const byIndex = new Map<number, ExportChangedRow>();
  const removedBefore = new Map<number, ExportChangedRow[]>();
  let pending: ExportChangedRow[] = [];
  for (const row of rows) {
    if (!row.to) pending.push(row);
    else {
      byIndex.set(row.to.index, row);
      if (pending.length > 0) removedBefore.set(row.to.index, pending);
      pending = [];
    }
  }
  // A paragraph removed since is no longer numbered: its number then leads its struck words.
  const removedParagraphs = (removed: readonly ExportChangedRow[]) =>
    removed.map(
      (row) =>
        new Paragraph({
          indent: { left: LEVEL_INDENT * (row.from?.depth ?? 0) },
          children: changedRuns(
            row.pieces.map((piece, i) =>
              i === 0 && piece.kind === "delete" && row.from?.label
                ? { ...piece, text: `${row.from.label} ${piece.text}` }
                : piece,
            ),
            writer,
          ),
        }),
    );
  return {
    wordsOf: (_paragraph, index) => changedRuns(byIndex.get(index)?.pieces ?? [], writer),
    between: (index) => removedParagraphs(removedBefore.get(index) ?? []),
    after: () => removedParagraphs(pending),
  };
}

function heading(clause: ExportClause, ids: readonly number[]): Paragraph {
  const children: ParagraphChild[] = [
    ...ids.map((id) => new CommentRangeStart(id)),
    new TextRun(`Article ${clause.number}. ${clause.title}`),
    ...[...ids].reverse().flatMap((id) => [new CommentRangeEnd(id), commentReference(id)]),
  ];
  return new Paragraph({ heading: HeadingLevel.HEADING_2, children });
}

function note(text: string): Paragraph {
  return new Paragraph({ style: EXPORT_NOTE, children: [new TextRun(text)] });
}

export function clauseSection(clause: ExportClause, writer: DocxWriter): Paragraph[] {
  const model: ClauseModel = clause.text;
  writer.wordings = clause.alternatives ?? new Map();
  const comments =
    writer.variant === "proposals" && clause.threads
      ? (() => {
          const spans = keySpans(model, writer.variant);
          return { spans, placed: writeThreads(clause.threads, spans, writer) };
        })()
      : null;
  const words =
    writer.variant === "changes" && clause.changes
      ? changedWords(clause.changes.rows, writer)
      : modelWords(writer, comments);
  const out = [
    heading(clause, comments?.placed.get("heading") ?? []),
    note(`Status: ${CLAUSE_STATUS_LABELS[clause.status]}`),
    ...clauseParagraphs(model, writer, words),
  ];
  const brackets = clause.changes?.brackets;
  if (writer.variant === "changes" && brackets) {
    if (brackets.removed.length > 0) out.push(note(`Square brackets removed since: ${brackets.removed.join("; ")}`));
    if (brackets.added.length > 0) out.push(note(`Square brackets added since: ${brackets.added.join("; ")}`));
  }
  return out;
}
