// An article's compilation: the rolling text, every open proposal with its sponsors, supporters,
// objectors and reservations, and the positions table — printable. The chair chooses here which
// topics' compilations the article belongs to.
import type { Metadata } from "next";
import Link from "next/link";
import { ClauseCompilationView } from "@/components/compilation/clause-compilation";
import { loadCompilationClause } from "@/components/compilation/compilation-access";
import { CompilationTopicsForm } from "@/components/compilation/compilation-topics-form";
import { PrintControls } from "@/components/compilation/print-controls";
import { compileClause } from "@/lib/compilation/compile-clause";
import { listTopics } from "@/lib/compilation/topics";
import { can } from "@/lib/permissions/can";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ clauseId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { clause } = await loadCompilationClause((await params).clauseId);
  return { title: `Compilation — Article ${clause.number}` };
}

export default async function ClauseCompilationPage({ params }: Props) {
  const { clause, actor, target } = await loadCompilationClause((await params).clauseId);
  const [compilation, topics] = await Promise.all([compileClause(clause.id, target), listTopics(clause.instrumentId)]);
  const inTopics = topics.filter((topic) => topic.clauseIds.includes(clause.id));
  return (
    <main className="mx-auto max-w-4xl space-y-4 px-6 py-6 print:max-w-none print:p-0">
      <nav aria-label="Breadcrumb" className="text-sm text-slate-500 print:hidden">
        <Link href="/" className="hover:text-un hover:underline">
          {clause.instrument.shortTitle}
        </Link>
        <span aria-hidden> / </span>
        <Link href={`/instruments/${clause.instrumentId}/compilation`} className="hover:text-un hover:underline">
          Compilations
        </Link>
        <span aria-hidden> / </span>
        <Link href={`/clauses/${clause.id}`} className="hover:text-un hover:underline">
          Article {clause.number}. {clause.title}
        </Link>
      </nav>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">Compilation of article {clause.number}</h1>
          <p className="text-sm text-slate-600">
            {clause.instrument.title} · compiled {new Date().toISOString().slice(0, 10)}
            {inTopics.length > 0 && <> · topics: {inTopics.map((t) => t.name).join("; ")}</>}
          </p>
        </div>
        <PrintControls />
      </div>
      {can(actor, "clause.manage", target) && topics.length > 0 && (
        <CompilationTopicsForm
          clauseId={clause.id}
          topics={topics.map((t) => ({ id: t.id, name: t.name, chosen: t.clauseIds.includes(clause.id) }))}
        />
      )}
      <ClauseCompilationView compilation={compilation} />
    </main>
  );
}
