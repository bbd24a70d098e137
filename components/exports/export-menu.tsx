"use client";
// The instrument's Export menu on the clause list: the draft as a printable page (agreed text
// only, or with proposals as tracked changes) or as plain text. Plain links to the export route,
// which sends each as a download. A <details> opens without script; Escape (back to the button)
// and a click or focus elsewhere close it, as menus do.
import { useEffect, useRef } from "react";

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
];

export function ExportMenu({ instrumentId }: { instrumentId: string }) {
  const menu = useRef<HTMLDetailsElement>(null);

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

  return (
    <details ref={menu} className="relative shrink-0" data-testid="export-menu">
      <summary className="cursor-pointer list-none rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-un">
        Export
      </summary>
      <ul className="absolute right-0 z-10 mt-1 w-72 max-w-[calc(100vw-2rem)] overflow-hidden rounded-md border border-slate-200 bg-white shadow-lg">
        {CHOICES.map((choice) => (
          <li key={choice.query}>
            <a
              href={`/api/instruments/${instrumentId}/export?${choice.query}`}
              download
              className="block px-3 py-2 hover:bg-slate-50 focus-visible:bg-slate-50 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-un"
            >
              <span className="block text-sm font-medium">{choice.label}</span>
              <span className="block text-xs text-slate-600">{choice.hint}</span>
            </a>
          </li>
        ))}
      </ul>
    </details>
  );
}
