// A clause's summary (what its row on the clause list and its header show) with the facts that
// say who may see it: read once per change and instance, then judged per stream in memory.
import { countOpenAlternatives } from "@/lib/alternatives/alternative-sets";
import { countOpenBrackets } from "@/lib/brackets/sync-brackets";
import { countOpenThreads } from "@/lib/comments/count-open-threads";
import { prisma } from "@/lib/db/prisma";
import { isUuid } from "@/lib/ids/uuid";
import { loadMarkedProgress, shownProgress } from "@/lib/paragraph-status/clause-progress";
import { NO_PARAGRAPHS } from "@/lib/paragraph-status/numbered-paragraphs";
import type { Role } from "@/lib/permissions/roles";
import { countOpenProposals } from "@/lib/proposals/list-clause-proposals";
import type { ClauseSummary } from "./live-events";

export type ClauseFacts = {
  summary: ClauseSummary;
  instrumentId: string;
  observersMayComment: boolean;
  /** Each taking-part organisation's role in the clause's instrument. */
  roles: Map<string, Role>;
  chapterRestrictions: string[];
  clauseRestrictions: string[];
};

export async function loadClauseFacts(clauseId: string): Promise<ClauseFacts | null> {
  if (!isUuid(clauseId)) return null;
  const [clause, threads, proposals, brackets, alternatives, progress] = await Promise.all([
    prisma.clause.findUnique({
      where: { id: clauseId },
      select: {
        id: true,
        number: true,
        title: true,
        topics: true,
        status: true,
        instrumentId: true,
        restrictions: { select: { organizationId: true } },
        chapter: { select: { restrictions: { select: { organizationId: true } } } },
        instrument: {
          select: { observersMayComment: true, participants: { select: { organizationId: true, role: true } } },
        },
      },
    }),
    countOpenThreads([clauseId]),
    countOpenProposals([clauseId]),
    countOpenBrackets([clauseId]),
    countOpenAlternatives([clauseId]),
    loadMarkedProgress([clauseId]),
  ]);
  if (!clause) return null;
  return {
    summary: {
      id: clause.id,
      number: clause.number,
      title: clause.title,
      status: clause.status,
      topics: clause.topics,
      openThreads: threads.get(clause.id) ?? 0,
      openProposals: proposals.get(clause.id) ?? 0,
      openBrackets: brackets.get(clause.id) ?? 0,
      openAlternatives: alternatives.get(clause.id) ?? 0,
      progress: shownProgress(progress.get(clause.id) ?? NO_PARAGRAPHS, clause.status),
    },
    instrumentId: clause.instrumentId,
    observersMayComment: clause.instrument.observersMayComment,
    roles: new Map(clause.instrument.participants.map((p) => [p.organizationId, p.role])),
    chapterRestrictions: clause.chapter.restrictions.map((r) => r.organizationId),
    clauseRestrictions: clause.restrictions.map((r) => r.organizationId),
  };
}
