"use client";
// The chair's "Save version": a name ("after the first reading") and an optional note — of one
// clause, or of the whole instrument or one of its chapters (a version of every clause in it).
import { useRouter } from "next/navigation";
import { useState } from "react";
import { callRoute } from "@/components/call-route";

type Chapter = { id: string; number: string; title: string };

/** What is saved: a clause, or an instrument (then the chapters offered under "Of"). */
export type VersionOf = { clauseId: string } | { instrumentId: string; chapters: Chapter[] };

const FIELD = "mt-1 rounded border border-slate-300 px-2 py-1";

export function SaveVersionForm({ of }: { of: VersionOf }) {
  const router = useRouter();
  const [name, setName] = useState("");
  const [note, setNote] = useState("");
  const [chapterId, setChapterId] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const chapters = "chapters" in of ? of.chapters : null;

  async function save(event: React.FormEvent) {
    event.preventDefault();
    setSaving(true);
    setError(null);
    const [url, body] =
      "clauseId" in of
        ? [`/api/clauses/${of.clauseId}/versions`, { name, note: note || undefined }]
        : [
            `/api/instruments/${of.instrumentId}/versions`,
            { name, note: note || undefined, chapterId: chapterId || undefined },
          ];
    const result = await callRoute<{ versionId: string }>(
      "POST",
      url,
      body,
      "The server could not be reached. Nothing was saved.",
    );
    setSaving(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setName("");
    setNote("");
    router.refresh();
  }

  return (
    <form onSubmit={save} className="rounded border border-slate-200 bg-white p-4" aria-label="Save version">
      <h2 className="text-sm font-semibold">Save version</h2>
      <div className="mt-2 flex flex-wrap items-end gap-2 text-sm">
        {chapters ? (
          <label className="flex flex-col">
            Of
            <select className={FIELD} value={chapterId} onChange={(e) => setChapterId(e.target.value)}>
              <option value="">The whole instrument</option>
              {chapters.map((chapter) => (
                <option key={chapter.id} value={chapter.id}>
                  Chapter {chapter.number}. {chapter.title}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <label className="flex flex-col">
          Name
          <input
            className={FIELD}
            value={name}
            onChange={(e) => setName(e.target.value)}
            placeholder={chapters ? "after the second session" : "after the first reading"}
            required
            maxLength={200}
          />
        </label>
        <label className="flex grow flex-col">
          Note (optional)
          <input className={FIELD} value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000} />
        </label>
        <button
          type="submit"
          disabled={saving}
          className="rounded bg-un px-3 py-1.5 font-medium text-white disabled:opacity-50"
        >
          {saving ? "Saving…" : "Save version"}
        </button>
      </div>
      {error ? (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </form>
  );
}
