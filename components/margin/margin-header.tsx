"use client";
// Above the margin, kept to a few short lines so the clause text starts near the top of the
// room and the cards beside it can sit level with its first words (as in Google Docs): beside
// the text or as a list, the proposals' and the comments' heading lines, and — on request — their
// filters and the chair's bulk decisions (open, they push the text and the margin down alike).
import { useEffect, useId, useState } from "react";
import { type MarginView, useMargin } from "./margin-context";

const VIEWS: { value: MarginView; label: string; title: string }[] = [
  { value: "margin", label: "Beside the text", title: "Each card level with its words" },
  { value: "list", label: "List", title: "A compact list of every card" },
];

export function MarginHeader({ canDecide }: { canDecide: boolean }) {
  const { view, setView, wide, setHeaders, setFilters } = useMargin();
  const [proposals, setProposals] = useState<HTMLDivElement | null>(null);
  const [threads, setThreads] = useState<HTMLDivElement | null>(null);
  const [proposalFilters, setProposalFilters] = useState<HTMLDivElement | null>(null);
  const [threadFilters, setThreadFilters] = useState<HTMLDivElement | null>(null);
  const [filtersShown, setFiltersShown] = useState(false);
  const filtersId = useId();
  useEffect(() => setHeaders({ proposals, threads }), [proposals, threads, setHeaders]);
  useEffect(
    () => setFilters({ proposals: proposalFilters, threads: threadFilters }),
    [proposalFilters, threadFilters, setFilters],
  );
  return (
    <div className="space-y-2" data-testid="margin-header">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <fieldset className="flex rounded-md border border-slate-300 text-xs">
          <legend className="sr-only">Show proposals and comments</legend>
          {VIEWS.map(({ value, label, title }) => (
            <button
              key={value}
              type="button"
              title={title}
              aria-pressed={view === value}
              onClick={() => setView(value)}
              className={`px-2 py-1 first:rounded-l-md last:rounded-r-md ${view === value ? "bg-slate-700 text-white" : "bg-white hover:bg-slate-100"}`}
            >
              {label}
            </button>
          ))}
        </fieldset>
        <button
          type="button"
          aria-expanded={filtersShown}
          aria-controls={filtersId}
          onClick={() => setFiltersShown((shown) => !shown)}
          className="rounded-md border border-slate-300 bg-white px-2 py-1 text-xs font-medium text-slate-700 hover:bg-slate-100"
        >
          {canDecide ? "Filters and bulk decisions" : "Filters"} <span aria-hidden>{filtersShown ? "▴" : "▾"}</span>
        </button>
      </div>
      {!wide && view === "margin" && (
        <p className="text-xs text-slate-600">Tap highlighted or proposed words to see their cards.</p>
      )}
      <div ref={setProposals} />
      <div ref={setThreads} />
      <div
        id={filtersId}
        hidden={!filtersShown}
        className="space-y-3 rounded-lg border border-slate-200 bg-slate-50 p-3"
        data-testid="margin-filters"
      >
        <div ref={setProposalFilters} />
        <div ref={setThreadFilters} />
      </div>
    </div>
  );
}
