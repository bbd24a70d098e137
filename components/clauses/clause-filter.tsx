"use client";
// Search and filters on the clause list: words of an article's number or title, one topic, one
// status. The list itself stays the server's; the filter only hides what does not match, so the
// rows (and what else keeps them current) are rendered as they are. A clause whose status, number,
// title or topics the live stream changes is filtered by what it says now.
import { useId, useMemo, useState } from "react";
import { useLiveEvents } from "@/components/live/use-live-events";
import { type ClauseCriteria as Criteria, clauseMatches, type FilterableClause } from "@/lib/clauses/clause-matches";
import type { ClauseStatusValue } from "./clause-status-badge";

const STATUS_OPTIONS: { value: ClauseStatusValue; label: string }[] = [
  { value: "OPEN", label: "Open" },
  { value: "AGREED_AD_REF", label: "Agreed ad referendum" },
  { value: "AGREED", label: "Agreed" },
];

/**
 * The rows stay as the server rendered them (marked `data-clause-id`, their chapter
 * `data-chapter-clauses`); what does not match is hidden by a style rule, so nothing else on the
 * list has to know about the filter.
 */
export function ClauseFilter({ clauses: rendered, chapters }: { clauses: FilterableClause[]; chapters: string[][] }) {
  const [criteria, setCriteria] = useState<Criteria>({ words: "", topic: "", status: "" });
  const [heard, setHeard] = useState<ReadonlyMap<string, FilterableClause>>(new Map());
  useLiveEvents((notice) => {
    if (notice.type !== "clause.summary") return;
    const { id, number, title, topics, status } = notice.clause;
    setHeard((previous) => new Map(previous).set(id, { id, number, title, topics, status }));
  });
  const clauses = useMemo(() => rendered.map((clause) => heard.get(clause.id) ?? clause), [rendered, heard]);
  const id = useId();
  const topics = useMemo(() => [...new Set(clauses.flatMap((c) => c.topics))].sort(), [clauses]);
  const shown = useMemo(
    () => new Set(clauses.filter((clause) => clauseMatches(clause, criteria)).map((c) => c.id)),
    [clauses, criteria],
  );
  const filtering = criteria.words.trim() !== "" || criteria.topic !== "" || criteria.status !== "";
  const set = (key: keyof Criteria) => (event: { target: { value: string } }) =>
    setCriteria((previous) => ({ ...previous, [key]: event.target.value }));
  const field = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm";
  return (
    <>
      <search className="mt-4 grid gap-2 sm:grid-cols-[minmax(0,1fr)_12rem_12rem]" aria-label="Find clauses">
        <label className="block text-sm font-medium text-slate-700">
          <span id={`${id}-search`}>Search</span>
          <input
            type="search"
            aria-labelledby={`${id}-search`}
            value={criteria.words}
            onChange={set("words")}
            placeholder="Article number or words of its title"
            className={field}
          />
        </label>
        <label className="block text-sm font-medium text-slate-700">
          <span id={`${id}-topic`}>Topic</span>
          <select aria-labelledby={`${id}-topic`} value={criteria.topic} onChange={set("topic")} className={field}>
            <option value="">All topics</option>
            {topics.map((topic) => (
              <option key={topic} value={topic}>
                {topic}
              </option>
            ))}
          </select>
        </label>
        <label className="block text-sm font-medium text-slate-700">
          <span id={`${id}-status`}>Status</span>
          <select aria-labelledby={`${id}-status`} value={criteria.status} onChange={set("status")} className={field}>
            <option value="">Any status</option>
            {STATUS_OPTIONS.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </label>
      </search>
      <p role="status" className={filtering ? "mt-2 text-sm text-slate-600" : "sr-only"}>
        {filtering
          ? shown.size === 0
            ? "No clause matches."
            : `${shown.size} of ${clauses.length} ${clauses.length === 1 ? "clause" : "clauses"} shown.`
          : ""}
      </p>
      {filtering && <style>{hidingRules(clauses, chapters, shown)}</style>}
    </>
  );
}

/** CSS hiding the rows, and whole chapters, that do not match. Ids are UUIDs: safe in a selector. */
function hidingRules(clauses: FilterableClause[], chapters: string[][], shown: Set<string>): string {
  const hidden = clauses.filter((clause) => !shown.has(clause.id)).map((clause) => `[data-clause-id="${clause.id}"]`);
  for (const ids of chapters) {
    if (ids.length > 0 && !ids.some((id) => shown.has(id))) hidden.push(`[data-chapter-clauses~="${ids[0]}"]`);
  }
  return hidden.length > 0 ? `${hidden.join(",")}{display:none}` : "";
}
