// The terminology report: where the glossary's terms remain in the agreed text, clause by clause,
// of the clauses the person may see — for the secretariat tidying the text, and for delegations
// checking their own.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/current-user";
import { listGlossary } from "@/lib/glossary/list-glossary";
import { terminologyReport } from "@/lib/glossary/terminology-report";
import { findInstrumentAccess } from "@/lib/instruments/find-instrument-access";
import { can } from "@/lib/permissions/can";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Terminology report" };

export default async function TerminologyReportPage({ params }: { params: Promise<{ instrumentId: string }> }) {
  const { instrumentId } = await params;
  const access = await findInstrumentAccess(await requireUser(), instrumentId);
  if (!access || !can(access.actor, "instrument.view")) notFound();
  const { instrument, actor } = access;
  const glossary = await listGlossary(instrumentId);
  const byId = new Map(glossary.map((entry) => [entry.id, entry]));
  const report = await terminologyReport(actor, instrumentId, glossary);
  const total = report.reduce((sum, clause) => sum + clause.matches.length, 0);
  return (
    <main className="mx-auto max-w-5xl px-6 py-6">
      <nav aria-label="Breadcrumb" className="text-sm text-slate-500">
        <Link href="/" className="hover:text-un hover:underline">
          {instrument.shortTitle}
        </Link>
      </nav>
      <h1 className="mt-2 text-2xl font-semibold">Terminology report</h1>
      <p className="mt-2 text-sm text-slate-600">
        Terms of the glossary ({glossary.length}) that remain in the agreed text — open proposals left out, so a term
        already proposed for replacement counts until the chair accepts.{" "}
        <span data-testid="terminology-total">
          {total} {total === 1 ? "match" : "matches"} in {report.length} {report.length === 1 ? "clause" : "clauses"}
        </span>
        .
        {can(actor, "glossary.manage") && (
          <>
            {" "}
            <Link href={`/admin/${instrumentId}/glossary`} className="text-un underline">
              Edit the glossary
            </Link>
            .
          </>
        )}
      </p>
      <ol className="mt-6 space-y-4">
        {report.map((clause) => (
          <li
            key={clause.id}
            className="rounded-lg border border-slate-200 bg-white p-4"
            data-testid="terminology-clause"
            aria-label={`Article ${clause.number}`}
          >
            <h2 className="font-semibold">
              <Link href={`/clauses/${clause.id}`} className="hover:text-un hover:underline">
                Article {clause.number}. {clause.title}
              </Link>
            </h2>
            <ul className="mt-2 space-y-1 text-sm">
              {clause.matches.map((match) => {
                const entry = byId.get(match.termId);
                return (
                  <li key={match.at} data-testid="terminology-match">
                    <span className="text-slate-500">…{match.before}</span>
                    <mark className="glossary-match bg-transparent font-medium">{match.text}</mark>
                    <span className="text-slate-500">{match.after}…</span>
                    {entry && <span className="ml-2 text-slate-700">→ {entry.preferred}</span>}
                  </li>
                );
              })}
            </ul>
          </li>
        ))}
      </ol>
      {report.length === 0 && (
        <p className="mt-6 text-sm text-slate-600">No term of the glossary remains in the text.</p>
      )}
    </main>
  );
}
