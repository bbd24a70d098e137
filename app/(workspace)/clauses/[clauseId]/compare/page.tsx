// Two readings of a clause compared (?from=<version>&to=<version|current>, &view=side for side by
// side): the text with its changes, and the list of changes with who made each.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { loadReadingsClause } from "@/components/readings/clause-page-access";
import { ChangeList, InlineComparison, SideBySideComparison } from "@/components/readings/compared-text";
import { ReadingsHeader } from "@/components/readings/readings-header";
import { isAppError } from "@/lib/errors/app-error";
import { compareClause } from "@/lib/readings/compare-clause-versions";
import { zVersionRef } from "@/lib/readings/fields";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ clauseId: string }>;
  searchParams: Promise<{ from?: string; to?: string; view?: string }>;
};

export const metadata: Metadata = { title: "Compare versions" };

export default async function CompareClausePage({ params, searchParams }: Props) {
  const { clause } = await loadReadingsClause((await params).clauseId);
  const query = await searchParams;
  const from = zVersionRef.safeParse(query.from);
  const to = zVersionRef.safeParse(query.to ?? "current");
  if (!from.success || !to.success) notFound();
  const comparison = await compareClause(clause, from.data, to.data).catch((error: unknown) => {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  });
  const side = query.view === "side";
  const here = `/clauses/${clause.id}/compare?from=${from.data}&to=${to.data}`;
  const { proposals, brackets } = comparison;
  return (
    <main className="mx-auto max-w-7xl px-6 py-6">
      <ReadingsHeader clause={clause} title={`${comparison.from.name} → ${comparison.to.name}`} />
      <nav className="mt-3 flex gap-3 text-sm" aria-label="View">
        <Link
          href={here}
          aria-current={side ? undefined : "page"}
          className={side ? "text-un hover:underline" : "font-semibold"}
        >
          Inline
        </Link>
        <Link
          href={`${here}&view=side`}
          aria-current={side ? "page" : undefined}
          className={side ? "font-semibold" : "text-un hover:underline"}
        >
          Side by side
        </Link>
      </nav>
      <div className="mt-4 grid gap-6 lg:grid-cols-[1fr_22rem]">
        <div>
          {side ? (
            <SideBySideComparison
              rows={comparison.paragraphs}
              fromName={comparison.from.name}
              toName={comparison.to.name}
            />
          ) : (
            <InlineComparison rows={comparison.paragraphs} />
          )}
        </div>
        <div className="space-y-4">
          <ChangeList changes={comparison.changes} />
          <section aria-label="Proposals" className="rounded border border-slate-200 bg-white p-4 text-sm">
            <h2 className="text-lg font-semibold">Proposals</h2>
            <p>
              Open in “{comparison.from.name}”, no longer open in “{comparison.to.name}”: {proposals.closed.length}
            </p>
            <p>Newly open: {proposals.opened.length}</p>
            <p>Open in both: {proposals.stillOpen.length}</p>
            <ul className="mt-2 space-y-1">
              {[...proposals.closed, ...proposals.opened].map((p) => (
                <li key={p.id}>
                  {p.delegation?.code ?? "Unknown"}: {p.deletedText ? <del>{p.deletedText}</del> : null}
                  {p.insertedText ? <ins>{p.insertedText}</ins> : null}
                </li>
              ))}
            </ul>
            {brackets.removed.length > 0 ? (
              <p className="mt-2">Brackets removed: {brackets.removed.join(", ")}</p>
            ) : null}
            {brackets.added.length > 0 ? <p>Brackets added: {brackets.added.join(", ")}</p> : null}
          </section>
        </div>
      </div>
    </main>
  );
}
