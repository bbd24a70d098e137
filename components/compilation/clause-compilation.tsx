// One article's compilation, section by section. The sections are listed once, in order: a new
// part of the negotiation (brackets, alternatives, paragraph status) becomes one more entry here,
// with its component reading its own field of the ClauseCompilation (lib/compilation).
import type { ComponentType } from "react";
import { STATUS_LABEL } from "@/components/readings/version-labels";
import type { ClauseCompilation } from "@/lib/compilation/compilation";
import { OpenProposals } from "./open-proposals";
import { PositionsTable } from "./positions-table";
import { RollingText } from "./rolling-text";

type Section = { key: string; title: string; Body: ComponentType<{ compilation: ClauseCompilation }> };

export const COMPILATION_SECTIONS: readonly Section[] = [
  { key: "text", title: "Rolling text (as agreed so far)", Body: RollingText },
  { key: "proposals", title: "Open proposals", Body: OpenProposals },
  { key: "positions", title: "Positions", Body: PositionsTable },
];

export function ClauseCompilationView({
  compilation,
  headingLevel = 2,
}: {
  compilation: ClauseCompilation;
  /** 2 on an article's own page; 2 for each article of a topic's page too, sections one below. */
  headingLevel?: 2 | 3;
}) {
  const { clause } = compilation;
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const SectionHeading = headingLevel === 2 ? "h3" : "h4";
  return (
    <article
      className="break-before-page space-y-4 first:break-before-auto"
      aria-labelledby={`compilation-${clause.id}`}
      data-testid="clause-compilation"
      data-clause-id={clause.id}
    >
      <header>
        <p className="text-xs uppercase tracking-wide text-slate-500">
          Chapter {clause.chapter.number}. {clause.chapter.title}
        </p>
        <Heading id={`compilation-${clause.id}`} className="text-xl font-semibold">
          Article {clause.number}. {clause.title}{" "}
          <span className="text-sm font-normal text-slate-600">[{STATUS_LABEL[clause.status]}]</span>
        </Heading>
      </header>
      {COMPILATION_SECTIONS.map(({ key, title, Body }) => (
        <section key={key} aria-label={title} data-section={key} className="space-y-2">
          <SectionHeading className="text-sm font-semibold uppercase tracking-wide text-slate-600">
            {title}
          </SectionHeading>
          <Body compilation={compilation} />
        </section>
      ))}
    </article>
  );
}
