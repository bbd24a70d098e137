import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { ClauseRoom } from "@/components/editor/clause-room";
import { ExportMenu } from "@/components/exports/export-menu";
import {
  LiveClauseStatus,
  LiveClauseTitle,
  LiveOpenAlternativesBadge,
  LiveOpenBracketsBadge,
  LiveTopics,
} from "@/components/live/live-clause-badges";
import { LiveClauseProgress } from "@/components/paragraph-status/live-progress";
import { listAgreedLanguage } from "@/lib/agreed-language/list-agreed-language";
import { countOpenAlternatives } from "@/lib/alternatives/alternative-sets";
import { requireUser } from "@/lib/auth/current-user";
import { sessionBeganFromCookie } from "@/lib/auth/session-cookie";
import { countOpenBrackets } from "@/lib/brackets/sync-brackets";
import { findClauseAccess } from "@/lib/clauses/find-clause-access";
import { listMentionCandidates } from "@/lib/comments/list-mention-candidates";
import { listGlossary } from "@/lib/glossary/list-glossary";
import { loadShownProgress } from "@/lib/paragraph-status/shown-progress";
import { can } from "@/lib/permissions/can";

type Props = { params: Promise<{ clauseId: string }> };

// Once per request: the metadata and the page both need the clause.
const loadClause = cache(async (clauseId: string) => {
  const user = await requireUser();
  const access = await findClauseAccess(user, clauseId);
  // Not shared with this delegation (or restricted to others) reads exactly like not existing.
  if (!access) notFound();
  return { user, ...access };
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { clause } = await loadClause((await params).clauseId);
  return { title: `Article ${clause.number}. ${clause.title}` };
}

export default async function ClausePage({ params }: Props) {
  const { user, clause, actor, target } = await loadClause((await params).clauseId);
  const [mentionCandidates, openBrackets, glossary, agreedLanguage, progress, openAlternatives, sessionBegan] =
    await Promise.all([
      listMentionCandidates(clause.instrumentId),
      countOpenBrackets([clause.id]),
      listGlossary(clause.instrumentId),
      listAgreedLanguage(clause.instrumentId),
      loadShownProgress([clause]),
      countOpenAlternatives([clause.id]),
      // Edits kept on the device from before this session are stamped afresh (lib/kept-edits/put-back.ts).
      (async () => sessionBeganFromCookie((await headers()).get("cookie")))(),
    ]);
  return (
    <main className="mx-auto max-w-7xl px-6 py-6">
      <nav aria-label="Breadcrumb" className="text-sm text-slate-500">
        <Link href="/" className="hover:text-un hover:underline">
          {clause.instrument.shortTitle}
        </Link>
        <span aria-hidden> / </span>
        <span>
          Chapter {clause.chapter.number}. {clause.chapter.title}
        </span>
      </nav>
      <header className="mt-2 flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">
            <LiveClauseTitle clauseId={clause.id} number={clause.number} title={clause.title} />
          </h1>
          <div className="mt-2">
            <LiveTopics clauseId={clause.id} topics={clause.topics} />
          </div>
        </div>
        <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
          <LiveOpenBracketsBadge clauseId={clause.id} count={openBrackets.get(clause.id) ?? 0} />
          <LiveOpenAlternativesBadge clauseId={clause.id} count={openAlternatives.get(clause.id) ?? 0} />
          <Link href={`/clauses/${clause.id}/compilation`} className="text-sm text-un hover:underline">
            Compilation
          </Link>
          <Link href={`/clauses/${clause.id}/history`} className="text-sm text-un hover:underline">
            History
          </Link>
          {can(actor, "instrument.export", target) && <ExportMenu clauseId={clause.id} />}
          <LiveClauseProgress clauseId={clause.id} progress={progress.of(clause.id)} />
          <LiveClauseStatus clauseId={clause.id} status={clause.status} />
        </div>
      </header>
      <ClauseRoom
        clauseId={clause.id}
        sessionBegan={sessionBegan}
        user={{
          id: user.id,
          name: user.name,
          colour: user.colour,
          organizationId: user.organizationId,
          organizationCode: user.organizationCode,
          organizationName: user.organizationName,
        }}
        canComment={can(actor, "thread.create", target)}
        mentionCandidates={mentionCandidates}
        glossary={glossary}
        agreedLanguage={agreedLanguage}
        permissions={{
          canEdit: can(actor, "clause.editText", target),
          canSuggest: can(actor, "clause.suggest", target),
          canDecide: can(actor, "proposal.decide", target),
          canBracket: can(actor, "bracket.place", target),
          canRemoveBrackets: can(actor, "bracket.remove", target),
          canProposeAlternatives: can(actor, "alternatives.propose", target),
          canSupportAlternatives: can(actor, "alternatives.support", target),
          canChooseAlternatives: can(actor, "alternatives.choose", target),
        }}
        plenary={{ instrumentId: clause.instrumentId, canPresent: can(actor, "clause.present", target) }}
        paragraphStatus={{
          clauseNumber: clause.number,
          clauseStatus: clause.status,
          canSetStatus: can(actor, "paragraph.setStatus", target),
          canRequestReopen: can(actor, "paragraph.requestReopen", target),
          canAnswerReopen: can(actor, "paragraph.answerReopen", target),
        }}
      />
    </main>
  );
}
