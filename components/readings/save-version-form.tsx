"use client";
// The chair's "Save version": a name ("after the first reading") and an optional note.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { callRoute } from "@/components/call-route";

export function SaveVersionForm({ clauseId }: { clauseId: string }) {
  const router = useRouter();
  const [name, setName] = useState("");
  const [note, setNote] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  async function save(event: React.FormEvent) {
    event.preventDefault();
    setSaving(true);
    setError(null);
    const result = await callRoute<{ versionId: string }>(
      "POST",
      `/api/clauses/${clauseId}/versions`,
      { name, note: note || undefined },
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
      <div className="mt-2 flex flex-wrap items-end gap-2">
        <label className="flex flex-col text-sm">
          Name
          <input
            className="mt-1 rounded border border-slate-300 px-2 py-1"
            value={name}
            onChange={(e) => setName(e.target.value)}
            placeholder="after the first reading"
            required
            maxLength={200}
          />
        </label>
        <label className="flex grow flex-col text-sm">
          Note (optional)
          <input
            className="mt-1 rounded border border-slate-300 px-2 py-1"
            value={note}
            onChange={(e) => setNote(e.target.value)}
            maxLength={2000}
          />
        </label>
        <button
          type="submit"
          disabled={saving}
          className="rounded bg-un px-3 py-1.5 text-sm font-medium text-white disabled:opacity-50"
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
