"use client";
// A clause's summary as the live stream last told it, or null while it has said nothing since
// the page (re)rendered the clause — then the page's own values stand.
import { useEffect, useState } from "react";
import type { ClauseSummary } from "@/lib/live/live-events";
import { useLiveEvents } from "./use-live-events";

/** `rendered` changes when the page is rendered again with fresher values: they win then. */
export function useLiveClause(clauseId: string, rendered: string): ClauseSummary | null {
  const [summary, setSummary] = useState<ClauseSummary | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new rendering replaces what was heard before it
  useEffect(() => setSummary(null), [rendered]);
  useLiveEvents((notice) => {
    if (notice.type === "clause.summary" && notice.clause.id === clauseId) setSummary(notice.clause);
  });
  return summary;
}
