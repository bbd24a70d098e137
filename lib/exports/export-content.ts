import "server-only";
// What every export is made of, whatever asked for it (the instrument, a chapter, one clause):
// the chapters and clauses the person may see, each with its stored text — now or of a version —
// read in the export's variant through the clause model; the comment threads for the
// "proposals" variant; the compare since a version for the "changes" variant.
import { alternativeWordingsOf, openAlternativeSets } from "@/lib/alternatives/alternative-sets";
import { chairName } from "@/lib/readings/attribute-changes";
import type { Reading } from "@/lib/readings/reading";
import { clauseForExport } from "./clause-for-export";
import { exportChanges } from "./export-changes";
import type { ExportContent, ExportReading } from "./export-document";
import { loadExportThreads } from "./export-threads";
import type { ClauseStatusName, ExportVariant } from "./export-variant";

export type ClauseToExport = {
  id: string;
  number: string;
  title: string;
  status: ClauseStatusName;
  state: Uint8Array | null;
};
export type ChapterToExport = { number: string; title: string; clauses: ClauseToExport[] };

/** The version the changes are counted from: each clause's reading then (absent: the clause was not in it). */
export type SinceVersion = ExportReading & { clauses: Map<string, Reading> };

export async function exportContent(input: {
  instrumentId: string;
  title: string;
  exportedBy: string;
  variant: ExportVariant;
  chapters: ChapterToExport[];
  /** The version exported (null: the current text). */
  reading: ExportReading | null;
  since: SinceVersion | null;
}): Promise<ExportContent> {
  const { variant, reading, since } = input;
  const exportedAt = new Date();
  const clauseIds = input.chapters.flatMap((chapter) => chapter.clauses.map((clause) => clause.id));
  const wordings = alternativeWordingsOf(await openAlternativeSets(clauseIds));
  const threads = variant === "proposals" ? await loadExportThreads(clauseIds, reading?.savedAt ?? null) : null;
  const chair = since ? await chairName(input.instrumentId) : "";
  const chapters = [];
  for (const chapter of input.chapters) {
    const clauses = [];
    for (const clause of chapter.clauses) {
      clauses.push({
        number: clause.number,
        title: clause.title,
        status: clause.status,
        // The changes are laid on the agreed text they end at.
        text: clauseForExport(clause.state, variant === "changes" ? "clean" : variant),
        alternatives: wordings,
        ...(threads ? { threads: threads.get(clause.id) ?? [] } : {}),
        ...(since && variant === "changes"
          ? {
              changes: await exportChanges({
                clauseId: clause.id,
                from: since.clauses.get(clause.id) ?? null,
                fromAt: since.savedAt,
                toState: clause.state,
                toAt: reading?.savedAt ?? exportedAt,
                chair,
              }),
            }
          : {}),
      });
    }
    chapters.push({ number: chapter.number, title: chapter.title, clauses });
  }
  const from = since && { name: since.name, savedAt: since.savedAt };
  return { title: input.title, variant, exportedAt, exportedBy: input.exportedBy, chapters, reading, since: from };
}
