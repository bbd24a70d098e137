"use client";
// Above the margin: beside the text or as a list, and the places where the proposals panel and
// the comments panel put their headings, filters and buttons.
import { useEffect, useState } from "react";
import { type MarginView, useMargin } from "./margin-context";

const VIEWS: { value: MarginView; label: string; title: string }[] = [
  { value: "margin", label: "Beside the text", title: "Each card level with its words" },
  { value: "list", label: "List", title: "A compact list of every card" },
];

export function MarginHeader() {
  const { view, setView, wide, setHeaders } = useMargin();
  const [proposals, setProposals] = useState<HTMLDivElement | null>(null);
  const [threads, setThreads] = useState<HTMLDivElement | null>(null);
  useEffect(() => setHeaders({ proposals, threads }), [proposals, threads, setHeaders]);
  return (
    <div className="space-y-3" data-testid="margin-header">
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
        {!wide && view === "margin" && (
          <p className="text-xs text-slate-600">Tap highlighted or proposed words to see their cards.</p>
        )}
      </div>
      <div ref={setProposals} />
      <div ref={setThreads} />
    </div>
  );
}
