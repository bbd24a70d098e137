"use client";
// The clause list's and the clause header's badges, kept current by the live stream: open
// comment threads, open proposals, status, topics.
import { OpenAlternativesBadge } from "@/components/alternatives/open-alternatives-badge";
import { OpenBracketsBadge } from "@/components/brackets/open-brackets-badge";
import { ClauseStatusBadge, type ClauseStatusValue } from "@/components/clauses/clause-status-badge";
import { TopicBadges } from "@/components/clauses/topic-badges";
import { OpenThreadCount } from "@/components/comments/open-thread-count";
import { OpenProposalsBadge } from "@/components/proposals/open-proposals-badge";
import { useLiveClause } from "./use-live-clause";

export function LiveOpenThreadCount({ clauseId, count }: { clauseId: string; count: number }) {
  const live = useLiveClause(clauseId, String(count));
  return <OpenThreadCount count={live?.openThreads ?? count} />;
}

export function LiveOpenProposalsBadge({ clauseId, count }: { clauseId: string; count: number }) {
  const live = useLiveClause(clauseId, String(count));
  return <OpenProposalsBadge count={live?.openProposals ?? count} />;
}

export function LiveOpenBracketsBadge({ clauseId, count }: { clauseId: string; count: number }) {
  const live = useLiveClause(clauseId, String(count));
  return <OpenBracketsBadge count={live?.openBrackets ?? count} />;
}

export function LiveOpenAlternativesBadge({ clauseId, count }: { clauseId: string; count: number }) {
  const live = useLiveClause(clauseId, String(count));
  return <OpenAlternativesBadge count={live?.openAlternatives ?? count} />;
}

export function LiveClauseStatus({ clauseId, status }: { clauseId: string; status: ClauseStatusValue }) {
  const live = useLiveClause(clauseId, status);
  return <ClauseStatusBadge status={live?.status ?? status} />;
}

export function LiveTopics({ clauseId, topics }: { clauseId: string; topics: string[] }) {
  const live = useLiveClause(clauseId, topics.join("\n"));
  return <TopicBadges topics={live?.topics ?? topics} />;
}

/** The clause's number and title, as its header shows them. */
export function LiveClauseTitle({ clauseId, number, title }: { clauseId: string; number: string; title: string }) {
  const live = useLiveClause(clauseId, `${number}\n${title}`);
  return (
    <>
      <span className="text-slate-500">Article {live?.number ?? number}.</span> {live?.title ?? title}
    </>
  );
}
