// A topic's compilation across the instrument: each clause the chair put in the topic that the
// viewer sees (restricted clauses stay hidden from those outside them, as everywhere), compiled.
import { prisma } from "@/lib/db/prisma";
import { visibleChapters } from "@/lib/instruments/visible-chapters";
import type { Actor } from "@/lib/permissions/can";
import { effectiveRestriction } from "@/lib/permissions/restriction";
import type { ClauseCompilation } from "./compilation";
import { compileClause } from "./compile-clause";

export async function compileTopic(
  actor: Actor,
  instrumentId: string,
  slug: string,
): Promise<{ topic: { id: string; slug: string; name: string }; clauses: ClauseCompilation[] } | null> {
  const topic = await prisma.topic.findUnique({
    where: { instrumentId_slug: { instrumentId, slug } },
    select: { id: true, slug: true, name: true, clauses: { select: { clauseId: true } } },
  });
  if (!topic) return null;
  const inTopic = new Set(topic.clauses.map((row) => row.clauseId));
  const restrictions = { select: { organizationId: true } } as const;
  const chapters = await prisma.chapter.findMany({
    where: { instrumentId },
    orderBy: { position: "asc" },
    select: {
      restrictions,
      clauses: { orderBy: { position: "asc" }, select: { id: true, restrictions } },
    },
  });
  const clauses = visibleChapters(actor, chapters).flatMap((chapter) =>
    chapter.clauses
      .filter((clause) => inTopic.has(clause.id))
      .map((clause) => ({
        id: clause.id,
        restrictedTo: effectiveRestriction(
          chapter.restrictions.map((r) => r.organizationId),
          clause.restrictions.map((r) => r.organizationId),
        ),
      })),
  );
  const compiled: ClauseCompilation[] = [];
  for (const clause of clauses) compiled.push(await compileClause(clause.id, { restrictedTo: clause.restrictedTo }));
  return { topic: { id: topic.id, slug: topic.slug, name: topic.name }, clauses: compiled };
}
