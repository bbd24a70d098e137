// A topic's compilation across the instrument (gender; child sexual abuse material; victims and
// witnesses): each article the chair put in the topic, as its own compilation shows it. Articles
// restricted away from the person's delegation are not there.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ClauseCompilationView } from "@/components/compilation/clause-compilation";
import { loadCompilationInstrument } from "@/components/compilation/compilation-access";
import { PrintControls } from "@/components/compilation/print-controls";
import { compileTopic } from "@/lib/compilation/compile-topic";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Compilation by topic" };

type Props = { params: Promise<{ instrumentId: string; topic: string }> };

export default async function TopicCompilationPage({ params }: Props) {
  const { instrumentId, topic: slug } = await params;
  const { instrument, actor } = await loadCompilationInstrument(instrumentId);
  const compiled = await compileTopic(actor, instrument.id, slug);
  if (!compiled) notFound();
  return (
    <main className="mx-auto max-w-4xl space-y-6 px-6 py-6 print:max-w-none print:p-0">
      <nav aria-label="Breadcrumb" className="text-sm text-slate-500 print:hidden">
        <Link href="/" className="hover:text-un hover:underline">
          {instrument.shortTitle}
        </Link>
        <span aria-hidden> / </span>
        <Link href={`/instruments/${instrument.id}/compilation`} className="hover:text-un hover:underline">
          Compilations
        </Link>
      </nav>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">Compilation: {compiled.topic.name}</h1>
          <p className="text-sm text-slate-600">
            {instrument.title} · {compiled.clauses.length} {compiled.clauses.length === 1 ? "article" : "articles"} ·
            compiled {new Date().toISOString().slice(0, 10)}
          </p>
        </div>
        <PrintControls />
      </div>
      {compiled.clauses.length === 0 && <p className="text-sm text-slate-500">No articles in this topic yet.</p>}
      {compiled.clauses.map((compilation, index) => (
        <ClauseCompilationView key={compilation.clause.id} compilation={compilation} breakBefore={index > 0} />
      ))}
    </main>
  );
}
