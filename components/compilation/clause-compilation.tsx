// One article's compilation, section by section. The sections are listed once, in order: a new
// part of the negotiation becomes one more entry here, with its component reading its own field
// of the ClauseCompilation (lib/compilation). Paragraph status is tagged in the rolling text.
import type { ComponentType } from "react";
import { STATUS_LABEL } from "@/components/readings/version-labels";
import type { ClauseCompilation } from "@/lib/compilation/compilation";
import { AlternativeSets } from "./alternative-sets";
import { BracketedPassages } from "./bracketed-passages";
import { OpenProposals } from "./open-proposals";
import { PositionsTable } from "./positions-table";
import { RollingText } from "./rolling-text";

type Section = { key: string; title: string; Body: ComponentType<{ compilation: ClauseCompilation }> };

export const COMPILATION_SECTIONS: readonly Section[] = [
  { key: "text", title: "Rolling text (as agreed so far)", Body: RollingText },
  { key: "brackets", title: "Square brackets", Body: BracketedPassages },
  { key: "alternatives", title: "Alternatives", Body: AlternativeSets },
  { key: "proposals", title: "Open proposals", Body: OpenProposals },
  { key: "positions", title: "Positions", Body: PositionsTable },
];

export function ClauseCompilationView({
  compilation,
  breakBefore = false,
}: {
  compilation: ClauseCompilation;
  /** Printed from a new page (each article of a topic's compilation but the first). */
  breakBefore?: boolean;
}) {
  const { clause } = compilation;
  return (
    <article
      className={`space-y-4 ${breakBefore ? "print:break-before-page" : ""}`}
      aria-labelledby={`compilation-${clause.id}`}
      data-testid="clause-compilation"
      data-clause-id={clause.id}
    >
      <header>
        <p className="text-xs uppercase tracking-wide text-slate-500">
          Chapter {clause.chapter.number}. {clause.chapter.title}
        </p>
        <h2 id={`compilation-${clause.id}`} className="text-xl font-semibold">
          Article {clause.number}. {clause.title}{" "}
          <span className="text-sm font-normal text-slate-600">[{STATUS_LABEL[clause.status]}]</span>
        </h2>
      </header>
      {COMPILATION_SECTIONS.map(({ key, title, Body }) => (
        <section key={key} aria-label={title} data-section={key} className="space-y-2">
          <h3 className="text-sm font-semibold uppercase tracking-wide text-slate-600">{title}</h3>
          <Body compilation={compilation} />
        </section>
      ))}
    </article>
  );
}
