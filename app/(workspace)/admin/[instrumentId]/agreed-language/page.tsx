// The secretariat's library of agreed language: provisions of existing instruments that enjoy
// consensus, which delegations insert from the clause room as proposals carrying the citation.
// Entries are edited, never deleted: proposals cite them.
import type { Metadata } from "next";
import { ActionForm } from "@/components/admin/action-form";
import { AgreedLanguageFields } from "@/components/agreed-language/agreed-language-fields";
import { citationLabel } from "@/lib/agreed-language/citation-label";
import { listAgreedLanguage } from "@/lib/agreed-language/list-agreed-language";
import { requireInstrumentPage } from "@/lib/doors/page-door";
import { saveAgreedLanguageAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Administration · Agreed language" };

export default async function AgreedLanguagePage({ params }: { params: Promise<{ instrumentId: string }> }) {
  const { instrumentId } = await params;
  await requireInstrumentPage(instrumentId, "agreedLanguage.manage");
  const entries = await listAgreedLanguage(instrumentId);
  return (
    <div className="space-y-8">
      <p className="text-sm text-slate-600">
        Delegations find these passages with “Agreed language” in the clause room; inserting one makes a proposal that
        says where its words come from. Mark a passage as a paraphrase unless it is the instrument's own text.
      </p>
      <section aria-labelledby="entries" className="space-y-3">
        <h2 id="entries" className="text-lg font-semibold">
          Passages ({entries.length})
        </h2>
        <ul className="space-y-3">
          {entries.map((entry) => (
            <li
              key={entry.id}
              className="rounded-lg border border-slate-200 bg-white p-4"
              aria-label={citationLabel(entry)}
              data-testid="agreed-language-entry"
            >
              <ActionForm
                action={saveAgreedLanguageAction}
                hidden={{ instrumentId, entryId: entry.id }}
                submitLabel="Save passage"
                aria-label={`Edit ${entry.source}, ${entry.article}`}
              >
                <AgreedLanguageFields entry={entry} />
              </ActionForm>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="new-entry" className="space-y-3">
        <h2 id="new-entry" className="text-lg font-semibold">
          New passage
        </h2>
        <ActionForm
          action={saveAgreedLanguageAction}
          hidden={{ instrumentId }}
          submitLabel="Add passage"
          done="Passage added."
        >
          <AgreedLanguageFields />
        </ActionForm>
      </section>
    </div>
  );
}
