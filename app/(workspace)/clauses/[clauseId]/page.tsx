import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ClauseStatusBadge } from "@/components/clauses/clause-status-badge";
import { TopicBadges } from "@/components/clauses/topic-badges";
import { ClauseRoom } from "@/components/editor/clause-room";
import { requireUser } from "@/lib/auth/current-user";
import { findClauseAccess } from "@/lib/clauses/find-clause-access";
import { can } from "@/lib/permissions/can";

type Props = { params: Promise<{ clauseId: string }> };

async function loadClause(clauseId: string) {
  const user = await requireUser();
  const access = await findClauseAccess(user, clauseId);
  // Not shared with this delegation reads exactly like not existing.
  if (!access || !can(access.actor, "clause.view")) notFound();
  return { user, ...access };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { clause } = await loadClause((await params).clauseId);
  return { title: `Article ${clause.number}. ${clause.title}` };
}

export default async function ClausePage({ params }: Props) {
  const { user, clause, actor } = await loadClause((await params).clauseId);
  return (
    <main className="mx-auto max-w-6xl px-6 py-6">
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
            <span className="text-slate-500">Article {clause.number}.</span> {clause.title}
          </h1>
          <div className="mt-2">
            <TopicBadges topics={clause.topics} />
          </div>
        </div>
        <ClauseStatusBadge status={clause.status} />
      </header>
      <ClauseRoom
        clauseId={clause.id}
        user={{
          id: user.id,
          name: user.name,
          colour: user.colour,
          organizationId: user.organizationId,
          organizationCode: user.organizationCode,
          organizationName: user.organizationName,
        }}
        permissions={{
          canEdit: can(actor, "clause.editText"),
          canSuggest: can(actor, "clause.suggest"),
          canDecide: can(actor, "proposal.decide"),
          canTakePosition: can(actor, "proposal.takePosition"),
        }}
      />
    </main>
  );
}
