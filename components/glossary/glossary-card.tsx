"use client";
// The card of an underlined term (glossary-underline.ts): the preferred wording, why, and where
// it comes from, previewed while the pointer is on the words and opened by clicking them. One click puts the preferred wording in place of the
// matched words through the editor's own mode: while suggesting it is a proposal of one's
// delegation (suggest mode's machinery, checked by the server like any other), while the chair
// edits directly it is a direct replacement — the button says which. Viewing, and for those who
// may only read, the card informs and offers nothing.
import type { Editor } from "@tiptap/react";
import { useEffect, useState } from "react";
import type { EditorMode } from "@/components/proposals/use-editor-mode";
import { glossaryMatchAt } from "@/lib/glossary/glossary-underline";
import type { GlossaryEntry } from "@/lib/glossary/list-glossary";
import { preferredForMatch } from "@/lib/glossary/preferred-for-match";

/** `pinned`: opened by a click, so it can be acted on; else a preview that follows the pointer. */
type Card = {
  place: { top: number } | { bottom: number };
  left: number;
  entry: GlossaryEntry;
  pos: number;
  pinned: boolean;
};

/** Room the card needs below the words; with less, it opens above them. */
const CARD_ROOM = 340;

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
  // Hovering shows a preview that takes no clicks (it never covers a control one is reaching
  // for); clicking the words opens the card itself, which any key, click elsewhere or scroll closes.
  useEffect(() => {
    if (!root || !editor) return;
    const open = (event: Event, pinned: boolean) => {
      const target = (event.target as HTMLElement | null)?.closest<HTMLElement>(".glossary-match");
      if (!target || !root.contains(target)) return;
      const entry = glossary.find((term) => term.id === target.dataset.glossaryTerm);
      if (!entry) return;
      const box = target.getBoundingClientRect();
      const next = {
        place:
          box.bottom + CARD_ROOM > window.innerHeight && box.top > window.innerHeight - box.bottom
            ? { bottom: window.innerHeight - box.top + 6 }
            : { top: box.bottom + 6 },
        left: Math.max(8, Math.min(box.left, window.innerWidth - 328)),
        entry,
        pos: editor.view.posAtDOM(target, 0),
        pinned,
      };
      setCard((current) => (current?.pinned && !pinned ? current : next));
    };
    const preview = (event: Event) => open(event, false);
    const pin = (event: Event) => open(event, true);
    const leave = (event: MouseEvent) => {
      if (!(event.target as HTMLElement | null)?.closest(".glossary-match")) return;
      if ((event.relatedTarget as HTMLElement | null)?.closest?.(".glossary-match")) return;
      setCard((current) => (current?.pinned ? current : null));
    };
    const hideOutside = (event: Event) => {
      const target = event.target as HTMLElement | null;
      if (target?.closest?.("[data-glossary-card], .glossary-match")) return;
      setCard(null);
    };
    const hide = () => setCard(null);
    root.addEventListener("mouseover", preview);
    root.addEventListener("mouseout", leave);
    root.addEventListener("click", pin);
    document.addEventListener("mousedown", hideOutside);
    document.addEventListener("keydown", hide);
    window.addEventListener("scroll", hide, true);
    return () => {
      root.removeEventListener("mouseover", preview);
      root.removeEventListener("mouseout", leave);
      root.removeEventListener("click", pin);
      document.removeEventListener("mousedown", hideOutside);
      document.removeEventListener("keydown", hide);
      window.removeEventListener("scroll", hide, true);
    };
  }, [root, editor, glossary]);

  if (!card || !editor) return null;
  const acts = writable && (mode === "suggesting" || mode === "editing");
  const { pinned } = card;

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
      {...(pinned ? { role: "dialog", "aria-label": `Glossary: ${card.entry.term}` } : { role: "tooltip" })}
      data-glossary-card=""
      data-testid="glossary-card"
      data-pinned={pinned}
      className={`fixed z-30 max-h-[calc(100vh-1rem)] w-80 overflow-y-auto ${pinned ? "" : "pointer-events-none"} space-y-2 rounded-md border-l-4 border-amber-500 bg-white p-3 text-sm shadow-lg ring-1 ring-slate-200`}
      style={{ ...card.place, left: card.left }}
    >
      <p className="text-xs font-medium uppercase tracking-wide text-amber-800">Glossary</p>
      <p>
        Instead of <span className="font-medium">“{card.entry.term}”</span>, the secretariat recommends{" "}
        <span className="font-semibold">“{card.entry.preferred}”</span>.
      </p>
      {card.entry.rationale && <p className="text-slate-700">{card.entry.rationale}</p>}
      {card.entry.source && <p className="text-xs text-slate-500">Source: {card.entry.source}</p>}
      {!pinned && acts && <p className="text-xs text-slate-500">Click the underlined words to use it.</p>}
      {pinned && (
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
      )}
    </div>
  );
}
