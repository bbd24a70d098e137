// The secretariat's glossary of the instrument: terms to avoid, the wording to use instead, why,
// and where that comes from. The editor underlines each term as people type; the terminology
// report lists where the terms remain.
import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/admin/action-form";
import { GlossaryTermFields } from "@/components/glossary/glossary-term-fields";
import { requireInstrumentPage } from "@/lib/doors/page-door";
import { listGlossary } from "@/lib/glossary/list-glossary";
import { removeGlossaryTermAction, saveGlossaryTermAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Administration · Glossary" };

export default async function GlossaryPage({ params }: { params: Promise<{ instrumentId: string }> }) {
  const { instrumentId } = await params;
  await requireInstrumentPage(instrumentId, "glossary.manage");
  const glossary = await listGlossary(instrumentId);
  return (
    <div className="space-y-8">
      <p className="text-sm text-slate-600">
        Each term is underlined in the text wherever it occurs — whole words, any case, plurals and simple inflections —
        with a card giving the preferred wording. See where terms remain in the{" "}
        <Link href={`/instruments/${instrumentId}/terminology`} className="text-un underline">
          terminology report
        </Link>
        .
      </p>
      <section aria-labelledby="terms" className="space-y-3">
        <h2 id="terms" className="text-lg font-semibold">
          Terms ({glossary.length})
        </h2>
        <ul className="space-y-3">
          {glossary.map((entry) => (
            <li
              key={entry.id}
              className="rounded-lg border border-slate-200 bg-white p-4"
              aria-label={`Term ${entry.term}`}
              data-testid="glossary-term"
            >
              <ActionForm
                action={saveGlossaryTermAction}
                hidden={{ instrumentId, termId: entry.id }}
                submitLabel="Save term"
                aria-label={`Edit ${entry.term}`}
              >
                <GlossaryTermFields entry={entry} />
              </ActionForm>
              <ActionForm
                action={removeGlossaryTermAction}
                hidden={{ instrumentId, termId: entry.id }}
                submitLabel="Remove term"
                done="Removed."
                className="mt-2 flex justify-end"
                buttonClassName="text-sm text-red-700 underline hover:text-red-900"
              />
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="new-term" className="space-y-3">
        <h2 id="new-term" className="text-lg font-semibold">
          New term
        </h2>
        <ActionForm action={saveGlossaryTermAction} hidden={{ instrumentId }} submitLabel="Add term" done="Term added.">
          <GlossaryTermFields />
        </ActionForm>
      </section>
    </div>
  );
}
