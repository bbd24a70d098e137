// The readings of an instrument: its versions (whole or of a chapter), the chair's "Save version",
// and a compare of a version with another or with now — which clauses changed, each opening the
// clause's own compare.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CompareVersionsForm } from "@/components/readings/compare-versions-form";
import { SaveVersionForm } from "@/components/readings/save-version-form";
import { RelativeTime } from "@/components/ui/relative-time";
import { requireUser } from "@/lib/auth/current-user";
import { prisma } from "@/lib/db/prisma";
import { isAppError } from "@/lib/errors/app-error";
import { findInstrumentAccess } from "@/lib/instruments/find-instrument-access";
import { can } from "@/lib/permissions/can";
import { compareInstrumentVersions, listInstrumentVersions } from "@/lib/readings/instrument-versions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Readings" };

type Props = {
  params: Promise<{ instrumentId: string }>;
  searchParams: Promise<{ from?: string; to?: string }>;
};

function changedCount(clauses: { changed: boolean; comparison: unknown }[]): string {
  const count = clauses.filter((c) => c.comparison && c.changed).length;
  return `${count} ${count === 1 ? "clause" : "clauses"} changed`;
}

export default async function InstrumentReadingsPage({ params, searchParams }: Props) {
  const user = await requireUser();
  const { instrumentId } = await params;
  const access = await findInstrumentAccess(user, instrumentId);
  if (!access) notFound();
  const { instrument, actor } = access;
  const query = await searchParams;
  const versions = await listInstrumentVersions(user, { instrumentId });
  const chapters = can(actor, "reading.save")
    ? await prisma.chapter.findMany({
        where: { instrumentId },
        orderBy: { position: "asc" },
        select: { id: true, number: true, title: true },
      })
    : [];
  const compared = query.from
    ? await compareInstrumentVersions(user, { instrumentId, from: query.from, to: query.to ?? "current" }).catch(
        (error: unknown) => {
          if (isAppError(error) && (error.code === "not_found" || error.code === "invalid_input")) notFound();
          throw error;
        },
      )
    : null;
  return (
    <main className="mx-auto max-w-5xl px-6 py-6">
      <nav aria-label="Breadcrumb" className="text-sm text-slate-500">
        <Link href="/" className="hover:text-un hover:underline">
          {instrument.shortTitle}
        </Link>
      </nav>
      <h1 className="mt-2 text-2xl font-semibold">Readings of the {instrument.shortTitle}</h1>
      {can(actor, "reading.save") ? (
        <div className="mt-4">
          <SaveVersionForm of={{ instrumentId: instrument.id, chapters }} />
        </div>
      ) : null}
      {versions.length > 0 ? (
        <CompareVersionsForm versions={versions} from={query.from} to={query.to} />
      ) : (
        <p className="mt-4 text-sm text-slate-500">No versions of this instrument yet.</p>
      )}
      {compared ? (
        <section aria-label="Clauses compared" className="mt-6">
          <h2 className="text-lg font-semibold">
            {compared.from.name} → {compared.to.name}: {changedCount(compared.clauses)}
          </h2>
          <ul className="mt-2 divide-y divide-slate-100 rounded border border-slate-200 bg-white text-sm">
            {compared.clauses.map((entry) => (
              <li key={entry.clause.id} className="flex items-baseline justify-between gap-3 p-2">
                <span>
                  Article {entry.clause.number}. {entry.clause.title}
                </span>
                {entry.comparison ? (
                  entry.changed ? (
                    <Link
                      href={`/clauses/${entry.clause.id}/compare?from=${entry.fromVersionId}&to=${entry.toVersionId}`}
                      className="text-un hover:underline"
                    >
                      {entry.comparison.changes.length} {entry.comparison.changes.length === 1 ? "change" : "changes"}
                    </Link>
                  ) : (
                    <span className="text-slate-500">Unchanged</span>
                  )
                ) : (
                  <span className="text-slate-500">Not in both versions</span>
                )}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <ol aria-label="Versions" className="mt-6 space-y-2 text-sm">
        {versions.map((v) => (
          <li key={v.id} className="rounded border border-slate-200 bg-white p-2">
            <span className="font-medium">{v.name}</span> ·{" "}
            {v.chapter ? `Chapter ${v.chapter.number}` : "Whole instrument"} · {v.madeBy} ·{" "}
            <RelativeTime iso={v.createdAt} />
            {v.note ? <span className="block text-slate-600">{v.note}</span> : null}
          </li>
        ))}
      </ol>
    </main>
  );
}
