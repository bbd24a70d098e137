// The secretariat imports a Word draft into the instrument: chapters and articles become
// chapters and clauses, tracked changes become the mapped delegations' proposals, comments
// become threads (lib/word-import).
import type { Metadata } from "next";
import { WordImportForm } from "@/components/word-import/word-import-form";
import { requireInstrumentPage } from "@/lib/doors/page-door";
import { MIB, WORD_FILE_LIMIT } from "@/lib/server/body-limits";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Administration · Import from Word" };

export default async function WordImportPage({ params }: { params: Promise<{ instrumentId: string }> }) {
  const { instrumentId } = await params;
  await requireInstrumentPage(instrumentId, "clause.manage");
  return (
    <div className="space-y-4">
      <h2 className="text-lg font-semibold">Import a Word draft</h2>
      <p className="max-w-3xl text-sm text-slate-600">
        Chapters are read from the Heading 1 style or lines such as “Chapter I. General provisions”, articles from
        Heading 2 or “Article 1. Purpose”; Word's numbered paragraphs stay numbered paragraphs. Tracked changes become
        proposals of the delegation you choose for each Word author, comments become threads on their words. The
        chapters and articles are added after those the instrument has. Nothing is stored until you press Import, and a
        draft that cannot be read is not imported at all.
      </p>
      <WordImportForm instrumentId={instrumentId} maxMegabytes={WORD_FILE_LIMIT / MIB} />
    </div>
  );
}
