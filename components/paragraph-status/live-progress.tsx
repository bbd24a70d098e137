"use client";
// How far a clause, or a chapter, is agreed — "7 of 12 paragraphs agreed (2 ad ref)" — kept
// current by the live stream's clause summaries (lib/live), counted by the server from the text.
import { useState } from "react";
import { useLiveClause } from "@/components/live/use-live-clause";
import { useLiveEvents } from "@/components/live/use-live-events";
import type { ClauseSummary } from "@/lib/live/live-events";

type Progress = ClauseSummary["progress"];

export function progressWords({ paragraphs, agreed, adRef }: Progress): string {
  const of = `${agreed} of ${paragraphs} ${paragraphs === 1 ? "paragraph" : "paragraphs"} agreed`;
  return adRef > 0 ? `${of} (${adRef} ad ref)` : of;
}

function ProgressText({ progress, label }: { progress: Progress; label: string }) {
  if (progress.paragraphs === 0) return null;
  const done = progress.agreed === progress.paragraphs;
  return (
    <span
      data-progress-of={label}
      data-progress={`${progress.agreed}/${progress.paragraphs}`}
      className={`text-xs ${done ? "text-emerald-700" : "text-slate-500"}`}
    >
      {progressWords(progress)}
    </span>
  );
}

export function LiveClauseProgress({ clauseId, progress }: { clauseId: string; progress: Progress }) {
  const live = useLiveClause(clauseId, JSON.stringify(progress));
  return <ProgressText progress={live?.progress ?? progress} label="Article" />;
}

/** A chapter's count: the sum of its clauses', each replaced as the live stream tells it. */
export function LiveChapterProgress({ clauses }: { clauses: { id: string; progress: Progress }[] }) {
  const [heard, setHeard] = useState<Record<string, Progress>>({});
  useLiveEvents((notice) => {
    if (notice.type !== "clause.summary") return;
    const { id, progress } = notice.clause;
    if (clauses.some((c) => c.id === id)) setHeard((was) => ({ ...was, [id]: progress }));
  });
  const total = clauses.reduce(
    (sum, clause) => {
      const p = heard[clause.id] ?? clause.progress;
      return { paragraphs: sum.paragraphs + p.paragraphs, agreed: sum.agreed + p.agreed, adRef: sum.adRef + p.adRef };
    },
    { paragraphs: 0, agreed: 0, adRef: 0 },
  );
  return <ProgressText progress={total} label="Chapter" />;
}
