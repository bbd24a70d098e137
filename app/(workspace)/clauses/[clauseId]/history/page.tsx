// The history of a clause: its versions, decisions, status changes and brackets removed, newest
// first, each version opening the text as it was; the chair saves a new version here.

import type { Metadata } from "next";
import Link from "next/link";
import { AlternativesChosenEntry } from "@/components/alternatives/alternatives-chosen-entry";
import { loadReadingsClause } from "@/components/readings/clause-page-access";
import { CompareVersionsForm } from "@/components/readings/compare-versions-form";
import { ReadingsHeader } from "@/components/readings/readings-header";
import { SaveVersionForm } from "@/components/readings/save-version-form";
import { STATUS_LABEL, TRIGGER_LABEL } from "@/components/readings/version-labels";
import { RelativeTime } from "@/components/ui/relative-time";
import { can } from "@/lib/permissions/can";
import { clauseHistory } from "@/lib/readings/clause-history";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ clauseId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { clause } = await loadReadingsClause((await params).clauseId);
  return { title: `History — Article ${clause.number}` };
}

export default async function ClauseHistoryPage({ params }: Props) {
  const { clause, actor, target } = await loadReadingsClause((await params).clauseId);
  const history = await clauseHistory(clause.id);
  const versions = history.flatMap((entry) => (entry.kind === "version" ? [entry.version] : []));
  // Restoring happens on the version's page, after its confirmation.
  const mayRestore = can(actor, "clause.restoreVersion", target);
  return (
    <main className="mx-auto max-w-4xl px-6 py-6">
      <ReadingsHeader clause={clause} title={`History of article ${clause.number}`} />
      {can(actor, "reading.save", target) ? (
        <div className="mt-4">
          <SaveVersionForm of={{ clauseId: clause.id }} />
        </div>
      ) : null}
      {versions.length > 0 ? (
        <CompareVersionsForm action={`/clauses/${clause.id}/compare`} versions={versions} />
      ) : null}
      <ol className="mt-6 space-y-3" aria-label="Timeline">
        {history.length === 0 ? <li className="text-sm text-slate-500">No versions of this clause yet.</li> : null}
        {history.map((entry) =>
          entry.kind === "version" ? (
            <li key={`v-${entry.version.id}`} className="rounded border border-slate-200 bg-white p-3">
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <Link
                  href={`/clauses/${clause.id}/history/${entry.version.id}`}
                  className="font-medium text-un hover:underline"
                >
                  {entry.version.name}
                </Link>
                <RelativeTime iso={entry.at} />
              </div>
              <p className="text-sm text-slate-600">
                {TRIGGER_LABEL[entry.version.trigger]}
                {entry.version.madeBy ? ` · ${entry.version.madeBy}` : ""} · {STATUS_LABEL[entry.version.status]}
              </p>
              {entry.version.note ? <p className="mt-1 text-sm">{entry.version.note}</p> : null}
              {entry.bracketsRemoved.length > 0 ? (
                <p className="mt-1 text-sm text-slate-600">Brackets removed: {entry.bracketsRemoved.join(", ")}</p>
              ) : null}
              <Link
                href={`/clauses/${clause.id}/compare?from=${entry.version.id}&to=current`}
                className="mt-1 inline-block text-sm text-un hover:underline"
              >
                Compare with now
              </Link>
              {mayRestore ? (
                <Link
                  href={`/clauses/${clause.id}/history/${entry.version.id}#restore`}
                  className="mt-1 ml-4 inline-block text-sm text-un hover:underline"
                >
                  Restore…
                </Link>
              ) : null}
            </li>
          ) : entry.kind === "alternatives-chosen" ? (
            <AlternativesChosenEntry key={`a-${entry.at}`} entry={entry} />
          ) : entry.kind === "bracket-removed" ? (
            <li
              key={`b-${entry.at}-${entry.words}`}
              className="px-3 text-sm text-slate-700"
              data-testid="bracket-removed"
            >
              <RelativeTime iso={entry.at} /> · {entry.removedBy} removed the brackets around{" "}
              <span className="font-medium">“{entry.words}”</span> (bracketed by {entry.delegation}, {entry.bracketedBy}
              {entry.note ? `: ${entry.note}` : ""}) — agreed
            </li>
          ) : (
            <li
              key={`d-${entry.at}-${entry.delegation}-${entry.insertedText}-${entry.deletedText}`}
              className="px-3 text-sm text-slate-700"
            >
              <RelativeTime iso={entry.at} /> · {entry.decidedBy}{" "}
              {entry.outcome === "ACCEPTED" ? "accepted" : "rejected"} the proposal ({entry.delegation})
              {entry.deletedText ? (
                <>
                  {" "}
                  to delete <del>{entry.deletedText}</del>
                </>
              ) : null}
              {entry.insertedText ? (
                <>
                  {entry.deletedText ? " and insert " : " to insert "}
                  <ins>{entry.insertedText}</ins>
                </>
              ) : null}
              {entry.reason ? ` — ${entry.reason}` : ""}
              {entry.undoneBy ? <span className="text-slate-600"> (undone by {entry.undoneBy})</span> : null}
            </li>
          ),
        )}
      </ol>
    </main>
  );
}
