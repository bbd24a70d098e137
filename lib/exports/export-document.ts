// The whole export, from an instrument's visible chapters and clauses: a self-contained HTML
// page that prints well (no scripts, no outside resources), or plain text. Pure: the texts come
// in already read and already stripped of anything the person may not see.
import type { AlternativeWordings } from "@/lib/alternatives/alternative-edges";
import type { ClauseModel } from "@/lib/clause-model/clause-model";
import { clauseHtml, type Delegations } from "./clause-html";
import { clauseText } from "./clause-text";
import { escapeHtml } from "./escape-html";
import type { ExportChanges } from "./export-changes";
import type { ExportThread } from "./export-threads";
import { CLAUSE_STATUS_LABELS, type ClauseStatusName, type ExportVariant } from "./export-variant";

export type ExportClause = {
  number: string;
  title: string;
  status: ClauseStatusName;
  text: ClauseModel;
  /** The further options of the clause's open sets of alternatives (lib/alternatives). */
  alternatives?: AlternativeWordings;
  /** Variant "proposals": the clause's comment threads, anchored by id in `text` (export-threads.ts). */
  threads?: ExportThread[];
  /** Variant "changes": the agreed text's changes since a version; `text` is then the agreed text it ends at. */
  changes?: ExportChanges;
};
export type ExportChapter = { number: string; title: string; clauses: ExportClause[] };
/** A saved version an export is made of, or compared with. */
export type ExportReading = { name: string; savedAt: Date };
export type ExportContent = {
  title: string;
  variant: ExportVariant;
  chapters: ExportChapter[];
  exportedAt: Date;
  /** "Name (Organisation)", printed on the page so paper copies say where they came from. */
  exportedBy: string;
  /** The version the text is of; absent or null: the current text. */
  reading?: ExportReading | null;
  /** Variant "changes": the version the changes are counted from. */
  since?: ExportReading | null;
};

export const VARIANT_NOTES: Record<ExportVariant, string> = {
  clean: "Agreed text only: open proposals are not shown (proposed insertions left out, proposed deletions kept).",
  proposals:
    "Text with open proposals shown as tracked changes: insertions underlined, deletions struck through, each followed by the proposing delegation.",
  changes: "Agreed text with the changes since an earlier version shown as tracked changes.",
};

const STYLE = `
body { font-family: Georgia, "Times New Roman", serif; line-height: 1.5; color: #111; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; }
header { border-bottom: 1px solid #999; margin-bottom: 1.5rem; }
h1 { font-size: 1.5rem; margin: 0 0 .5rem; }
.meta { font-size: .85rem; color: #444; margin: .25rem 0; }
h2 { font-size: 1.1rem; text-transform: uppercase; letter-spacing: .04em; margin-top: 2.5rem; break-after: avoid; }
article { margin-top: 1.5rem; }
h3 { font-size: 1rem; margin-bottom: .25rem; break-after: avoid; }
.status { font-weight: normal; font-size: .8rem; border: 1px solid #999; border-radius: .5rem; padding: 0 .4rem; margin-left: .5rem; }
ol[data-numbering] { list-style: none; counter-reset: item; }
ol[data-numbering] > li { counter-increment: item; position: relative; }
ol[data-numbering] > li::before { position: absolute; left: -2.5em; width: 2.2em; text-align: right; }
ol[data-numbering="lower-alpha"] > li::before { content: "(" counter(item, lower-alpha) ")"; }
ol[data-numbering="upper-alpha"] > li::before { content: "(" counter(item, upper-alpha) ")"; }
ol[data-numbering="lower-roman"] > li::before { content: "(" counter(item, lower-roman) ")"; }
ol[data-numbering="upper-roman"] > li::before { content: "(" counter(item, upper-roman) ")"; }
ins.proposal { color: var(--delegation, #1d4ed8); text-decoration: underline; }
del.proposal { color: var(--delegation, #b91c1c); text-decoration: line-through; }
sup.by { font-family: Arial, sans-serif; font-size: .65rem; color: #444; margin: 0 .15rem; }
.status-tag { font-style: italic; font-size: .85rem; color: #333; }
.legend { margin-top: 3rem; border-top: 1px solid #999; font-size: .85rem; }
@page { margin: 2cm; }
@media print { body { margin: 0; max-width: none; } }
`;

/** Which text the export is of: "Version “…”, saved …" or nothing for the current text. */
function readingLine(content: ExportContent): string | null {
  const reading = content.reading;
  return reading
    ? `Version “${reading.name}”, saved ${reading.savedAt.toISOString().replace("T", " ").slice(0, 16)} UTC.`
    : null;
}

export function exportHtml(content: ExportContent): string {
  const delegations: Delegations = new Map();
  const chapters = content.chapters
    .map((chapter) => {
      const clauses = chapter.clauses
        .map(
          (clause) =>
            `<article><h3>Article ${escapeHtml(clause.number)}. ${escapeHtml(clause.title)}<span class="status">${
              CLAUSE_STATUS_LABELS[clause.status]
            }</span></h3>${clauseHtml(clause.text, delegations, clause.alternatives)}</article>`,
        )
        .join("\n");
      return `<section><h2>Chapter ${escapeHtml(chapter.number)}. ${escapeHtml(chapter.title)}</h2>\n${clauses}</section>`;
    })
    .join("\n");
  const legend =
    delegations.size === 0
      ? ""
      : `<section class="legend"><h2>Delegations proposing changes</h2><ul>${[...delegations.values()]
          .sort((a, b) => a.organizationCode.localeCompare(b.organizationCode))
          .map((d) => `<li><strong>${escapeHtml(d.organizationCode)}</strong>: ${escapeHtml(d.organizationName)}</li>`)
          .join("")}</ul></section>`;
  const reading = readingLine(content);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(content.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>${escapeHtml(content.title)}</h1>
${reading ? `<p class="meta">${escapeHtml(reading)}</p>\n` : ""}<p class="meta">${VARIANT_NOTES[content.variant]}</p>
<p class="meta">Exported ${content.exportedAt.toISOString().replace("T", " ").slice(0, 16)} UTC by ${escapeHtml(content.exportedBy)}.</p>
</header>
<main>
${chapters}
</main>
${legend}
</body>
</html>
`;
}

export function exportText(content: ExportContent): string {
  const reading = readingLine(content);
  const lines = [
    content.title,
    ...(reading ? [reading] : []),
    VARIANT_NOTES[content.variant],
    `Exported ${content.exportedAt.toISOString().replace("T", " ").slice(0, 16)} UTC by ${content.exportedBy}.`,
  ];
  for (const chapter of content.chapters) {
    lines.push("", "", `CHAPTER ${chapter.number}. ${chapter.title.toUpperCase()}`);
    for (const clause of chapter.clauses) {
      lines.push("", `Article ${clause.number}. ${clause.title} [${CLAUSE_STATUS_LABELS[clause.status]}]`, "");
      lines.push(clauseText(clause.text, clause.alternatives));
    }
  }
  return `${lines.join("\n")}\n`;
}
