import Link from "next/link";
import { ClauseFilter } from "@/components/clauses/clause-filter";
import { TopicBadges } from "@/components/clauses/topic-badges";
import { ExportMenu } from "@/components/exports/export-menu";
import {
  LiveClauseStatus,
  LiveOpenAlternativesBadge,
  LiveOpenBracketsBadge,
  LiveOpenProposalsBadge,
  LiveOpenThreadCount,
} from "@/components/live/live-clause-badges";
import { LiveChapterProgress, LiveClauseProgress } from "@/components/paragraph-status/live-progress";
import { countOpenAlternatives } from "@/lib/alternatives/alternative-sets";
import { requireUser } from "@/lib/auth/current-user";
import { countOpenBrackets } from "@/lib/brackets/sync-brackets";
import { countOpenThreads } from "@/lib/comments/count-open-threads";
import { listInstrumentsFor } from "@/lib/instruments/list-instruments-for";
import { loadShownProgress } from "@/lib/paragraph-status/shown-progress";
import { can } from "@/lib/permissions/can";
import { ROLE_LABELS } from "@/lib/permissions/roles";
import { countOpenProposals } from "@/lib/proposals/list-clause-proposals";

export default async function HomePage() {
  const user = await requireUser();
  const instruments = await listInstrumentsFor(user);
  const clauseIds = instruments.flatMap((instrument) =>
    instrument.chapters.flatMap((chapter) => chapter.clauses.map((c) => c.id)),
  );
  const clauses = instruments.flatMap((instrument) => instrument.chapters.flatMap((chapter) => chapter.clauses));
  const [openThreads, openProposals, openBrackets, progress, openAlternatives] = await Promise.all([
    countOpenThreads(clauseIds),
    countOpenProposals(clauseIds),
    countOpenBrackets(clauseIds),
    loadShownProgress(clauses),
    countOpenAlternatives(clauseIds),
  ]);
  return (
    <main className="mx-auto max-w-6xl px-6 py-8">
      {instruments.length === 0 && (
        <p className="rounded-lg border border-slate-200 bg-white p-6 text-slate-600">
          Your delegation does not take part in any negotiation yet. The secretariat can add it.
        </p>
      )}
      {instruments.map((instrument) => (
        <section key={instrument.id} aria-labelledby={`instrument-${instrument.id}`} className="mb-10">
          <p className="text-sm text-slate-500">Your delegation takes part as: {ROLE_LABELS[instrument.role]}</p>
          <div className="mt-1 flex items-start justify-between gap-4">
            <h1 id={`instrument-${instrument.id}`} className="text-2xl font-semibold leading-snug">
              {instrument.title}
            </h1>
            <div className="flex flex-wrap items-center justify-end gap-x-3 gap-y-1">
              <Link href={`/instruments/${instrument.id}/readings`} className="text-sm text-un hover:underline">
                Readings
              </Link>
              <Link href={`/instruments/${instrument.id}/terminology`} className="text-sm text-un hover:underline">
                Terminology
              </Link>
              <Link href={`/instruments/${instrument.id}/compilation`} className="text-sm text-un hover:underline">
                Compilations
              </Link>
              {can(
                {
                  userId: user.id,
                  organizationId: user.organizationId,
                  active: true,
                  role: instrument.role,
                  observersMayComment: instrument.observersMayComment,
                },
                "instrument.export",
              ) && <ExportMenu instrumentId={instrument.id} />}
            </div>
          </div>
          <ClauseFilter
            clauses={instrument.chapters.flatMap((chapter) => chapter.clauses)}
            chapters={instrument.chapters.map((chapter) => chapter.clauses.map((c) => c.id))}
          />
          {instrument.chapters.map((chapter) => (
            <section
              key={chapter.id}
              aria-labelledby={`chapter-${chapter.id}`}
              className="mt-8"
              data-chapter-clauses={chapter.clauses.map((c) => c.id).join(" ")}
            >
              <div className="flex items-baseline justify-between gap-4">
                <h2
                  id={`chapter-${chapter.id}`}
                  className="text-sm font-semibold uppercase tracking-wide text-slate-500"
                >
                  Chapter {chapter.number}. {chapter.title}
                </h2>
                <LiveChapterProgress
                  clauses={chapter.clauses.map((c) => ({ id: c.id, progress: progress.of(c.id) }))}
                />
              </div>
              <ul className="mt-3 divide-y divide-slate-200 overflow-hidden rounded-lg border border-slate-200 bg-white">
                {chapter.clauses.map((clause) => (
                  <li key={clause.id} data-clause-id={clause.id}>
                    <Link
                      href={`/clauses/${clause.id}`}
                      className="flex flex-col gap-2 px-4 py-3 hover:bg-slate-50 focus-visible:bg-slate-50 focus-visible:outline-none sm:flex-row sm:items-center sm:justify-between"
                    >
                      <span className="flex items-baseline gap-3">
                        <span className="w-20 shrink-0 text-sm text-slate-500">Article {clause.number}</span>
                        <span className="font-medium">{clause.title}</span>
                      </span>
                      <span className="flex items-center gap-3">
                        {clause.restricted && (
                          <span className="rounded-full bg-violet-50 px-2 py-0.5 text-xs font-medium text-violet-800 ring-1 ring-violet-200">
                            Informal consultations
                          </span>
                        )}
                        <LiveOpenThreadCount clauseId={clause.id} count={openThreads.get(clause.id) ?? 0} />
                        <LiveOpenProposalsBadge clauseId={clause.id} count={openProposals.get(clause.id) ?? 0} />
                        <LiveOpenBracketsBadge clauseId={clause.id} count={openBrackets.get(clause.id) ?? 0} />
                        <LiveOpenAlternativesBadge clauseId={clause.id} count={openAlternatives.get(clause.id) ?? 0} />
                        <TopicBadges topics={clause.topics} />
                        <LiveClauseProgress clauseId={clause.id} progress={progress.of(clause.id)} />
                        <LiveClauseStatus clauseId={clause.id} status={clause.status} />
                      </span>
                    </Link>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </section>
      ))}
    </main>
  );
}
