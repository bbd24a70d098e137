// The compilations of an instrument: one per topic across the instrument, and one per article
// (those the person sees).
import type { Metadata } from "next";
import Link from "next/link";
import { loadCompilationInstrument } from "@/components/compilation/compilation-access";
import { listTopics } from "@/lib/compilation/topics";
import { prisma } from "@/lib/db/prisma";
import { visibleChapters } from "@/lib/instruments/visible-chapters";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Compilations" };

type Props = { params: Promise<{ instrumentId: string }> };

export default async function CompilationsPage({ params }: Props) {
  const { instrument, actor } = await loadCompilationInstrument((await params).instrumentId);
  const restrictions = { select: { organizationId: true } } as const;
  const [topics, chapters] = await Promise.all([
    listTopics(instrument.id),
    prisma.chapter.findMany({
      where: { instrumentId: instrument.id },
      orderBy: { position: "asc" },
      select: {
        id: true,
        number: true,
        title: true,
        restrictions,
        clauses: { orderBy: { position: "asc" }, select: { id: true, number: true, title: true, restrictions } },
      },
    }),
  ]);
  const visible = visibleChapters(actor, chapters);
  const seen = new Set(visible.flatMap((chapter) => chapter.clauses.map((clause) => clause.id)));
  return (
    <main className="mx-auto max-w-4xl space-y-6 px-6 py-6">
      <nav aria-label="Breadcrumb" className="text-sm text-slate-500">
        <Link href="/" className="hover:text-un hover:underline">
          {instrument.shortTitle}
        </Link>
      </nav>
      <h1 className="text-2xl font-semibold">Compilations</h1>
      <p className="text-sm text-slate-600">
        The rolling text followed by every open proposal, with its sponsors, supporters, objectors and reservations, and
        a table of positions — per topic across the instrument, or per article. Each prints as it is.
      </p>
      <section aria-labelledby="by-topic">
        <h2 id="by-topic" className="text-lg font-semibold">
          By topic
        </h2>
        {topics.length === 0 ? (
          <p className="text-sm text-slate-500">No topics yet.</p>
        ) : (
          <ul className="mt-2 space-y-1">
            {topics.map((topic) => {
              const count = topic.clauseIds.filter((id) => seen.has(id)).length;
              return (
                <li key={topic.id}>
                  <Link
                    href={`/instruments/${instrument.id}/compilation/${topic.slug}`}
                    className="text-un hover:underline"
                  >
                    {topic.name}
                  </Link>{" "}
                  <span className="text-sm text-slate-500">
                    ({count} {count === 1 ? "article" : "articles"})
                  </span>
                </li>
              );
            })}
          </ul>
        )}
      </section>
      <section aria-labelledby="by-article">
        <h2 id="by-article" className="text-lg font-semibold">
          By article
        </h2>
        {visible.map((chapter) => (
          <div key={chapter.id} className="mt-3">
            <h3 className="text-sm font-semibold uppercase tracking-wide text-slate-500">
              Chapter {chapter.number}. {chapter.title}
            </h3>
            <ul className="mt-1 space-y-1">
              {chapter.clauses.map((clause) => (
                <li key={clause.id}>
                  <Link href={`/clauses/${clause.id}/compilation`} className="text-un hover:underline">
                    Article {clause.number}. {clause.title}
                  </Link>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </section>
    </main>
  );
}
