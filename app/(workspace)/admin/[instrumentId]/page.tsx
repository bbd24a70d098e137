import type { Metadata } from "next";
import {
  createChapterAction,
  createClauseAction,
  createInstrumentAction,
  restrictChapterAction,
  updateInstrumentAction,
} from "@/app/(workspace)/admin/actions";
import { ActionForm } from "@/components/admin/action-form";
import { ClauseAdminRow } from "@/components/admin/clause-admin-row";
import { Field, inputClass } from "@/components/admin/field";
import { RestrictionPicker } from "@/components/admin/restriction-picker";
import { loadInstrumentOutline } from "@/lib/admin/load-instrument-outline";
import { requireInstrumentPage } from "@/lib/doors/page-door";
import { can } from "@/lib/permissions/can";

export const metadata: Metadata = { title: "Administration · Text and clauses" };

export default async function InstrumentAdminPage({ params }: { params: Promise<{ instrumentId: string }> }) {
  const { instrumentId } = await params;
  const { instrument, actor } = await requireInstrumentPage(instrumentId, "clause.manage");
  const managesInstrument = can(actor, "instrument.manage");
  const { chapters, participants } = await loadInstrumentOutline(instrumentId);
  const organizations = participants.map((p) => p.organization);
  const ids = { instrumentId };

  return (
    <div className="space-y-10">
      {managesInstrument && (
        <section aria-labelledby="settings" className="space-y-3">
          <h2 id="settings" className="text-lg font-semibold">
            The instrument
          </h2>
          <ActionForm
            action={updateInstrumentAction}
            hidden={ids}
            submitLabel="Save instrument"
            aria-label="Instrument settings"
          >
            <Field label="Title" name="title" defaultValue={instrument.title} className="basis-full" />
            <Field
              label="Short title"
              name="shortTitle"
              defaultValue={instrument.shortTitle}
              className="min-w-64 flex-1"
            />
            <label className="block text-sm font-medium">
              Observers and experts
              <select
                name="observersMayComment"
                defaultValue={String(instrument.observersMayComment)}
                className={inputClass}
              >
                <option value="true">may comment</option>
                <option value="false">only read</option>
              </select>
            </label>
          </ActionForm>
        </section>
      )}

      <section aria-labelledby="chapters" className="space-y-6">
        <h2 id="chapters" className="text-lg font-semibold">
          Chapters and clauses
        </h2>
        {chapters.map((chapter) => (
          <section
            key={chapter.id}
            aria-label={`Chapter ${chapter.number}`}
            className="rounded-lg border border-slate-200 bg-white"
          >
            <div className="space-y-2 border-b border-slate-200 px-4 py-3">
              <h3 className="font-semibold">
                Chapter {chapter.number}. {chapter.title}
              </h3>
              <details>
                <summary className="cursor-pointer text-sm text-slate-700">
                  Restrict the whole chapter
                  {chapter.restrictions.length > 0 && " (restricted now)"}
                </summary>
                <ActionForm
                  action={restrictChapterAction}
                  hidden={{ ...ids, chapterId: chapter.id }}
                  submitLabel="Save chapter restriction"
                  className="mt-2 flex flex-wrap items-end gap-2"
                >
                  <RestrictionPicker
                    organizations={organizations}
                    selected={chapter.restrictions.map((r) => r.organizationId)}
                  />
                </ActionForm>
              </details>
            </div>
            <ul className="divide-y divide-slate-200">
              {chapter.clauses.map((clause) => (
                <ClauseAdminRow
                  key={clause.id}
                  instrumentId={instrumentId}
                  organizations={organizations}
                  clause={{ ...clause, restrictedTo: clause.restrictions.map((r) => r.organizationId) }}
                />
              ))}
              {chapter.clauses.length === 0 && <li className="px-4 py-3 text-sm text-slate-500">No clauses yet.</li>}
            </ul>
          </section>
        ))}
      </section>

      <section aria-labelledby="new-clause" className="space-y-3">
        <h2 id="new-clause" className="text-lg font-semibold">
          New clause
        </h2>
        {chapters.length === 0 ? (
          <p className="text-sm text-slate-600">Add a chapter first.</p>
        ) : (
          <ActionForm
            action={createClauseAction}
            hidden={ids}
            submitLabel="Add clause"
            done="Clause added."
            aria-label="New clause"
          >
            <label className="block text-sm font-medium">
              Chapter
              <select name="chapterId" className={inputClass}>
                {chapters.map((chapter) => (
                  <option key={chapter.id} value={chapter.id}>
                    {chapter.number}. {chapter.title}
                  </option>
                ))}
              </select>
            </label>
            <Field label="Article number" name="number" data-reset className="w-28" />
            <Field label="Title" name="title" data-reset className="min-w-64 flex-1" />
            <Field label="Topics (comma-separated)" name="topics" data-reset className="min-w-48" />
          </ActionForm>
        )}
      </section>

      {managesInstrument && (
        <>
          <section aria-labelledby="new-chapter" className="space-y-3">
            <h2 id="new-chapter" className="text-lg font-semibold">
              New chapter
            </h2>
            <ActionForm
              action={createChapterAction}
              hidden={ids}
              submitLabel="Add chapter"
              done="Chapter added."
              aria-label="New chapter"
            >
              <Field label="Number" name="number" data-reset className="w-24" />
              <Field label="Title" name="title" data-reset className="min-w-64 flex-1" />
            </ActionForm>
          </section>

          <section aria-labelledby="new-instrument" className="space-y-3">
            <h2 id="new-instrument" className="text-lg font-semibold">
              Start another instrument
            </h2>
            <p className="text-sm text-slate-600">Your organisation will chair it; add its participants afterwards.</p>
            <ActionForm
              action={createInstrumentAction}
              hidden={ids}
              submitLabel="Create instrument"
              done="Instrument created. It is listed on your home page."
              aria-label="New instrument"
            >
              <Field label="Title" name="title" data-reset className="basis-full" />
              <Field label="Short title" name="shortTitle" data-reset className="min-w-64 flex-1" />
              <Field
                label="Short name for links (e.g. cybercrime-protocol)"
                name="slug"
                data-reset
                className="min-w-64"
              />
            </ActionForm>
          </section>
        </>
      )}
    </div>
  );
}
