// The "changes" variant's words: a paragraph of the compare (lib/readings) as Word runs, words
// inserted or deleted since the version as tracked changes authored by the delegation whose
// accepted proposal made them, else by the chair (export-changes.ts). The compare reads plain
// words, so formatting and brackets are not shown in this variant; the brackets removed and
// added since are listed under the clause instead.
import { DeletedTextRun, InsertedTextRun, type ParagraphChild, TextRun } from "docx";
import type { ExportChangedPiece } from "../export-changes";
import { type DocxWriter, wordDate } from "./docx-writer";

/** Runs of a text, a line break for each "\n" (a hard break in the clause). */
function lines(text: string, run: (text: string, first: boolean) => ParagraphChild): ParagraphChild[] {
  return text.split("\n").map((line, index) => run(line, index === 0));
}

export function changedRuns(pieces: readonly ExportChangedPiece[], writer: DocxWriter): ParagraphChild[] {
  return pieces.flatMap((piece) => {
    if (piece.kind === "same")
      return lines(piece.text, (text, first) => (first ? new TextRun(text) : new TextRun({ text, break: 1 })));
    const change = { id: writer.nextAnnotationId(), author: piece.author, date: wordDate(piece.at) };
    // A change keeps its line breaks as plain text (a tracked change is one run): " / " stands for them.
    const text = piece.text.replaceAll("\n", " / ");
    return [
      piece.kind === "insert" ? new InsertedTextRun({ ...change, text }) : new DeletedTextRun({ ...change, text }),
    ];
  });
}
