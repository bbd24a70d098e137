"use client";
// The card of an underlined term (glossary-underline.ts): the preferred wording, why, and where
// it comes from, shown on hover or click. One click puts the preferred wording in place of the
// matched words through the editor's own mode: while suggesting it is a proposal of one's
// delegation (suggest mode's machinery, checked by the server like any other), while the chair
// edits directly it is a direct replacement — the button says which. Viewing, and for those who
// may only read, the card informs and offers nothing.
import type { Editor } from "@tiptap/react";
import { useEffect, useState } from "react";
import type { EditorMode } from "@/components/proposals/use-editor-mode";
import type { GlossaryEntry } from "@/lib/glossary/list-glossary";
import { preferredForMatch } from "@/lib/glossary/preferred-for-match";
import { glossaryMatchAt } from "./glossary-underline";

type Card = { top: number; left: number; entry: GlossaryEntry; pos: number };

export function GlossaryCard({
  root,
  editor,
  glossary,
  mode,
  writable,
}: {
  root: HTMLElement | null;
  editor: Editor | null;
  glossary: readonly GlossaryEntry[];
  mode: EditorMode;
  writable: boolean;
}) {
  const [card, setCard] = useState<Card | null>(null);
  useEffect(() => {
    if (!root || !editor) return;
    const show = (event: Event) => {
      const target = (event.target as HTMLElement | null)?.closest<HTMLElement>(".glossary-match");
      if (!target || !root.contains(target)) return;
      const entry = glossary.find((term) => term.id === target.dataset.glossaryTerm);
      if (!entry) return;
      const box = target.getBoundingClientRect();
      setCard({
        top: box.bottom + 6,
        left: Math.max(8, Math.min(box.left, window.innerWidth - 328)),
        entry,
        pos: editor.view.posAtDOM(target, 0),
      });
    };
    const hideOutside = (event: Event) => {
      const target = event.target as HTMLElement | null;
      if (target?.closest("[data-glossary-card], .glossary-match")) return;
      setCard(null);
    };
    const hideOnEscape = (event: KeyboardEvent) => event.key === "Escape" && setCard(null);
    const hide = () => setCard(null);
    root.addEventListener("mouseover", show);
    root.addEventListener("click", show);
    document.addEventListener("mousedown", hideOutside);
    document.addEventListener("keydown", hideOnEscape);
    window.addEventListener("scroll", hide, true);
    return () => {
      root.removeEventListener("mouseover", show);
      root.removeEventListener("click", show);
      document.removeEventListener("mousedown", hideOutside);
      document.removeEventListener("keydown", hideOnEscape);
      window.removeEventListener("scroll", hide, true);
    };
  }, [root, editor, glossary]);

  if (!card || !editor) return null;
  const acts = writable && (mode === "suggesting" || mode === "editing");

  function replace() {
    if (!card || !editor) return;
    const match = glossaryMatchAt(editor.state, card.pos);
    setCard(null);
    if (!match || match.termId !== card.entry.id) return;
    const { state, view } = editor;
    view.dispatch(state.tr.insertText(preferredForMatch(match.text, card.entry.preferred), match.from, match.to));
    view.focus();
  }

  return (
    <div
      role="dialog"
      aria-label={`Glossary: ${card.entry.term}`}
      data-glossary-card=""
      data-testid="glossary-card"
      className="fixed z-30 w-80 space-y-2 rounded-md border-l-4 border-amber-500 bg-white p-3 text-sm shadow-lg ring-1 ring-slate-200"
      style={{ top: card.top, left: card.left }}
    >
      <p className="text-xs font-medium uppercase tracking-wide text-amber-800">Glossary</p>
      <p>
        Instead of <span className="font-medium">“{card.entry.term}”</span>, the secretariat recommends{" "}
        <span className="font-semibold">“{card.entry.preferred}”</span>.
      </p>
      {card.entry.rationale && <p className="text-slate-700">{card.entry.rationale}</p>}
      {card.entry.source && <p className="text-xs text-slate-500">Source: {card.entry.source}</p>}
      <div className="flex items-center justify-between gap-2 pt-1">
        {acts ? (
          <button
            type="button"
            onClick={replace}
            className="rounded-md bg-un px-2.5 py-1 text-xs font-medium text-white hover:bg-un-dark focus-visible:outline-2 focus-visible:outline-offset-2"
          >
            {mode === "suggesting" ? "Propose the preferred wording" : "Replace with the preferred wording"}
          </button>
        ) : (
          <span className="text-xs text-slate-500">
            {writable ? "Switch to Suggesting to propose it." : "You can read this clause only."}
          </span>
        )}
        <button type="button" onClick={() => setCard(null)} className="text-xs text-slate-600 underline">
          Close
        </button>
      </div>
    </div>
  );
}
