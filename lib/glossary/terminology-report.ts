import "server-only";
// The terminology report of an instrument: for each clause the person may see, the glossary's
// terms that remain in its agreed text — the text as it reads with every open proposal left out
// (so a term already proposed for replacement still counts until the chair accepts), read from
// the stored Yjs state by the clause model (lib/exports/clause-for-export.ts), never walked here.
import { clausePlainText } from "@/lib/clause-model/plain-text";
import { clauseForExport } from "@/lib/exports/clause-for-export";
import { loadExportClauses } from "@/lib/exports/load-export-clauses";
import type { Actor } from "@/lib/permissions/can";
import type { GlossaryEntry } from "./list-glossary";
import { compileTerms, matchTerms } from "./match-terms";

const CONTEXT_CHARS = 40;

/** `at`: where it starts in the clause's agreed text. */
export type ReportMatch = { termId: string; text: string; before: string; after: string; at: number };
export type ReportClause = { id: string; number: string; title: string; matches: ReportMatch[] };

export async function terminologyReport(
  actor: Actor,
  instrumentId: string,
  glossary: readonly GlossaryEntry[],
): Promise<ReportClause[]> {
  const terms = compileTerms(glossary);
  const chapters = await loadExportClauses(actor, instrumentId);
  const report: ReportClause[] = [];
  for (const chapter of chapters) {
    for (const clause of chapter.clauses) {
      const text = clausePlainText(clauseForExport(clause.state, "clean"), { between: "\n" });
      const matches = matchTerms(text, terms).map((match) => ({
        termId: match.termId,
        text: match.text,
        at: match.from,
        before: text.slice(Math.max(0, match.from - CONTEXT_CHARS), match.from).replace(/\s+/g, " "),
        after: text.slice(match.to, match.to + CONTEXT_CHARS).replace(/\s+/g, " "),
      }));
      if (matches.length > 0) report.push({ id: clause.id, number: clause.number, title: clause.title, matches });
    }
  }
  return report;
}
