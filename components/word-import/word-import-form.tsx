"use client";
// The Word import, step by step: choose a .docx and see what it holds (a preview the server
// reads, storing nothing), choose each Word author's delegation, import — then links to the new
// clauses. Both steps send the file to POST /api/instruments/<id>/import.
import Link from "next/link";
import { type FormEvent, useState } from "react";
import { inputClass } from "@/components/admin/field";
import { guessDelegation } from "@/lib/word-import/guess-delegation";
import type { WordImportResult } from "@/lib/word-import/import-word-draft";
import type { WordDraftPreview } from "@/lib/word-import/preview-word-draft";
import { WordDraftPreviewView } from "./word-draft-preview";

const LEAVE_OUT = "leave-out";
const button =
  "rounded-md bg-un px-3 py-1.5 text-sm font-medium text-white hover:bg-un-dark disabled:opacity-60 focus-visible:outline-2 focus-visible:outline-offset-2";

async function send<T>(url: string, body: FormData): Promise<{ ok: true; value: T } | { ok: false; error: string }> {
  const response = await fetch(url, { method: "POST", body }).catch(() => null);
  if (!response) return { ok: false, error: "The server could not be reached. Nothing was imported." };
  const answer = (await response.json().catch(() => null)) as (T & { error?: string }) | null;
  if (!response.ok || !answer) return { ok: false, error: answer?.error ?? `The server answered ${response.status}.` };
  return { ok: true, value: answer };
}

export function WordImportForm({ instrumentId, maxMegabytes }: { instrumentId: string; maxMegabytes: number }) {
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<WordDraftPreview | null>(null);
  const [authors, setAuthors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [imported, setImported] = useState<WordImportResult | null>(null);
  const url = `/api/instruments/${instrumentId}/import`;

  async function read(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!file) return setError("Choose a Word file (.docx) first.");
    setBusy(true);
    setError(null);
    setPreview(null);
    setImported(null);
    const body = new FormData();
    body.set("file", file);
    const result = await send<WordDraftPreview>(`${url}?preview=1`, body);
    setBusy(false);
    if (!result.ok) return setError(result.error);
    setPreview(result.value);
    setAuthors(
      Object.fromEntries(result.value.authors.map((a) => [a.name, guessDelegation(a.name, result.value.delegations)])),
    );
  }

  async function importDraft(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!file || !preview) return;
    setBusy(true);
    setError(null);
    const body = new FormData();
    body.set("file", file);
    body.set("authors", JSON.stringify(authors));
    const result = await send<WordImportResult>(url, body);
    setBusy(false);
    if (!result.ok) return setError(result.error);
    setImported(result.value);
    setPreview(null);
  }

  return (
    <div className="space-y-6">
      <form onSubmit={read} aria-label="Upload a Word draft" className="flex flex-wrap items-end gap-3">
        <label className="block text-sm font-medium">
          Word draft (.docx, at most {maxMegabytes} MB)
          <input
            type="file"
            name="file"
            accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            className={inputClass}
            onChange={(event) => {
              setFile(event.currentTarget.files?.[0] ?? null);
              setPreview(null);
              setImported(null);
            }}
          />
        </label>
        <button type="submit" disabled={busy || !file} className={button}>
          {busy && !preview ? "Reading…" : "Preview"}
        </button>
      </form>
      {error && (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 p-2 text-sm text-red-800">
          {error}
        </p>
      )}
      {preview && (
        <>
          <WordDraftPreviewView preview={preview} />
          <form onSubmit={importDraft} aria-label="Import the Word draft" className="space-y-3">
            <fieldset className="space-y-2">
              <legend className="text-base font-semibold">Word authors and their delegations</legend>
              {preview.authors.length === 0 && (
                <p className="text-sm text-slate-600">No tracked change or comment: there is nobody to map.</p>
              )}
              {preview.authors.map((author) => (
                <label key={author.name} className="block max-w-xl text-sm font-medium">
                  {author.name}{" "}
                  <span className="font-normal text-slate-600">
                    ({author.changes} change{author.changes === 1 ? "" : "s"}, {author.comments} comment
                    {author.comments === 1 ? "" : "s"})
                  </span>
                  <select
                    required
                    className={inputClass}
                    value={authors[author.name] ?? ""}
                    onChange={(event) => {
                      const value = event.currentTarget.value;
                      setAuthors((current) => ({ ...current, [author.name]: value }));
                    }}
                  >
                    <option value="">Choose a delegation…</option>
                    {preview.delegations
                      .filter((d) => (author.changes === 0 || d.maySuggest) && (author.comments === 0 || d.mayComment))
                      .map((delegation) => (
                        <option key={delegation.id} value={delegation.id}>
                          {delegation.name} ({delegation.code})
                        </option>
                      ))}
                    <option value={LEAVE_OUT}>Leave out (as if their changes were rejected)</option>
                  </select>
                </label>
              ))}
            </fieldset>
            <button type="submit" disabled={busy} className={button}>
              {busy ? "Importing…" : "Import"}
            </button>
          </form>
        </>
      )}
      {imported && (
        <section aria-labelledby="imported" role="status" className="space-y-2">
          <h3 id="imported" className="text-base font-semibold">
            Imported {imported.clauses.length} article{imported.clauses.length === 1 ? "" : "s"}, {imported.proposals}{" "}
            proposal{imported.proposals === 1 ? "" : "s"} and {imported.threads} comment thread
            {imported.threads === 1 ? "" : "s"}
          </h3>
          <ul className="list-disc pl-6 text-sm">
            {imported.clauses.map((clause) => (
              <li key={clause.id}>
                <Link href={`/clauses/${clause.id}`} className="text-un underline">
                  Article {clause.number}. {clause.title}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
