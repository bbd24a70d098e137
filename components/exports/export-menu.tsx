"use client";
// The Export menu, on the clause list for the instrument and on a clause's page for the clause:
// the draft as a printable page (agreed text only, or with proposals as tracked changes), as
// plain text, as Word (.docx) — clean, with proposals as real tracked changes and the threads
// as comments —, as Akoma Ntoso XML (lib/exports/akn), and a saved version as Word: its text, with its proposals, or the changes since
// it (the versions are fetched when the menu opens). Plain links to the export route, which sends
// each as a download. A <details> opens without script; Escape (back to the button) and a click or focus
// elsewhere close it, as menus do.
import { useEffect, useRef, useState } from "react";

const CHOICES = [
  {
    query: "format=html&variant=clean",
    label: "Clean text (printable page)",
    hint: "Agreed text only, without open proposals",
  },
  {
    query: "format=html&variant=proposals",
    label: "With proposals (printable page)",
    hint: "Open proposals as tracked changes, by delegation",
  },
  { query: "format=text&variant=clean", label: "Clean text (plain text)", hint: "Agreed text only, as a .txt file" },
  { query: "format=docx&variant=clean", label: "Clean text (Word)", hint: "Agreed text only, as a .docx file" },
  {
    query: "format=docx&variant=proposals",
    label: "With proposals and comments (Word)",
    hint: "Proposals as Word's tracked changes, threads as comments",
  },
  {
    query: "format=akn&variant=proposals",
    label: "Akoma Ntoso (XML)",
    hint: "For document systems: the text with its open proposals, in Akoma Ntoso 3.0",
  },
];

type Version = { id: string; name: string; createdAt: string };
type Target = { instrumentId: string; clauseId?: never } | { clauseId: string; instrumentId?: never };

const itemClass =
  "block px-3 py-2 hover:bg-slate-50 focus-visible:bg-slate-50 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-un";

export function ExportMenu(target: Target) {
  const menu = useRef<HTMLDetailsElement>(null);
  const [versions, setVersions] = useState<Version[] | "loading" | "unavailable">("loading");
  const base = target.clauseId ? `/api/clauses/${target.clauseId}` : `/api/instruments/${target.instrumentId}`;

  useEffect(() => {
    const close = (event: Event) => {
      const details = menu.current;
      if (!details?.open) return;
      if (event instanceof KeyboardEvent) {
        if (event.key !== "Escape") return;
        details.open = false;
        details.querySelector("summary")?.focus();
      } else if (!details.contains(event.target as Node)) {
        details.open = false;
      }
    };
    document.addEventListener("keydown", close);
    document.addEventListener("pointerdown", close);
    document.addEventListener("focusin", close);
    return () => {
      document.removeEventListener("keydown", close);
      document.removeEventListener("pointerdown", close);
      document.removeEventListener("focusin", close);
    };
  }, []);

  // The versions to count changes from, read when the menu first opens.
  const loadVersions = () => {
    if (versions !== "loading" || !menu.current?.open) return;
    fetch(`${base}/versions`)
      .then((response) => (response.ok ? response.json() : Promise.reject(response.status)))
      .then((list: Version[]) => setVersions(list))
      .catch(() => setVersions("unavailable"));
  };

  return (
    <details ref={menu} className="relative shrink-0" data-testid="export-menu" onToggle={loadVersions}>
      <summary className="cursor-pointer list-none rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-un">
        Export
      </summary>
      <ul className="absolute right-0 z-10 mt-1 w-80 max-w-[calc(100vw-2rem)] overflow-hidden rounded-md border border-slate-200 bg-white shadow-lg">
        {CHOICES.map((choice) => (
          <li key={choice.query}>
            <a href={`${base}/export?${choice.query}`} download className={itemClass}>
              <span className="block text-sm font-medium">{choice.label}</span>
              <span className="block text-xs text-slate-600">{choice.hint}</span>
            </a>
          </li>
        ))}
        <li className="border-t border-slate-200 px-3 py-2">
          <SavedVersions base={base} versions={versions} />
        </li>
      </ul>
    </details>
  );
}

const VERSION_EXPORTS = [
  { label: "Its text", query: (id: string) => `format=docx&variant=clean&version=${id}` },
  { label: "With its proposals", query: (id: string) => `format=docx&variant=proposals&version=${id}` },
  { label: "Changes since it", query: (id: string) => `format=docx&variant=changes&since=${id}` },
];

/** A saved version, chosen from the list: its text, its text with proposals, or the changes since it, as Word. */
function SavedVersions({ base, versions }: { base: string; versions: Version[] | "loading" | "unavailable" }) {
  const [chosen, setChosen] = useState<string | null>(null);
  const id = `export-version-${base}`;
  if (!Array.isArray(versions) || versions.length === 0) {
    return (
      <>
        <span className="block text-sm font-medium">A saved version (Word)</span>
        <p className="text-xs text-slate-600">
          {versions === "loading"
            ? "Reading the saved versions…"
            : versions === "unavailable"
              ? "The saved versions could not be read. Try again later."
              : "No version has been saved yet."}
        </p>
      </>
    );
  }
  const version = chosen ?? versions[0].id;
  return (
    <>
      <label className="block text-sm font-medium" htmlFor={id}>
        A saved version (Word)
      </label>
      <select
        id={id}
        value={version}
        onChange={(event) => setChosen(event.target.value)}
        className="mt-1 w-full rounded border border-slate-300 px-1 py-0.5 text-sm"
      >
        {versions.map((v) => (
          <option key={v.id} value={v.id}>
            {v.name} ({v.createdAt.slice(0, 10)})
          </option>
        ))}
      </select>
      <div className="mt-1 flex flex-wrap gap-x-3 text-sm">
        {VERSION_EXPORTS.map((choice) => (
          <a
            key={choice.label}
            href={`${base}/export?${choice.query(version)}`}
            download
            className="text-un hover:underline"
          >
            {choice.label}
          </a>
        ))}
      </div>
    </>
  );
}
