// An instrument's negotiation topics (gender; child sexual abuse material; victims and
// witnesses), each with the clauses the chair has put in it, in the instrument's order.
import { prisma } from "@/lib/db/prisma";

export type TopicView = { id: string; slug: string; name: string; clauseIds: string[] };

export async function listTopics(instrumentId: string): Promise<TopicView[]> {
  const topics = await prisma.topic.findMany({
    where: { instrumentId },
    orderBy: { position: "asc" },
    include: {
      clauses: {
        select: { clauseId: true, clause: { select: { position: true, chapter: { select: { position: true } } } } },
      },
    },
  });
  return topics.map((topic) => ({
    id: topic.id,
    slug: topic.slug,
    name: topic.name,
    clauseIds: topic.clauses
      .sort((a, b) => a.clause.chapter.position - b.clause.chapter.position || a.clause.position - b.clause.position)
      .map((row) => row.clauseId),
  }));
}
