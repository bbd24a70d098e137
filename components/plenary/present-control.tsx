"use client";
// The chair's Present button in the clause room. Presenting sends the chair's view — caret,
// selection, scroll — to every screen that follows, at most once per VIEW_EVERY_MS, and keeps
// presenting when the chair opens the next article (remembered for this tab), so the plenary moves
// article by article with the chair. The server decides who may present (clause.present).
import type { HocuspocusProvider } from "@hocuspocus/provider";
import type { Editor } from "@tiptap/react";
import Link from "next/link";
import { useEffect, useState } from "react";
import type { Presentation } from "@/lib/plenary/plenary-messages";
import { presenterView } from "./presenter-view";

/** The server lets 10 views a second through; the chair's screen sends fewer. */
const VIEW_EVERY_MS = 150;
const PRESENTING_KEY = "clausework.presenting";

function presentingIn(): string | null {
  try {
    return sessionStorage.getItem(PRESENTING_KEY);
  } catch {
    return null;
  }
}

function rememberPresenting(instrumentId: string | null) {
  try {
    if (instrumentId) sessionStorage.setItem(PRESENTING_KEY, instrumentId);
    else sessionStorage.removeItem(PRESENTING_KEY);
  } catch {
    // Without storage the chair presses Present again on the next article.
  }
}

export function PresentControl({
  instrumentId,
  clauseId,
  userId,
  provider,
  editor,
  presentation,
}: {
  instrumentId: string;
  clauseId: string;
  userId: string;
  provider: HocuspocusProvider;
  editor: Editor | null;
  presentation: Presentation | null;
}) {
  const presentingHere = presentation?.presenterId === userId && presentation.clauseId === clauseId;
  const [wanted, setWanted] = useState(false);

  // Moving on from an article one presented: present this one as soon as the socket is up.
  useEffect(() => {
    if (presentingIn() !== instrumentId) return;
    const start = () => provider.sendStateless(JSON.stringify({ type: "plenary.start" }));
    if (provider.synced) start();
    provider.on("synced", start);
    return () => {
      provider.off("synced", start);
    };
  }, [provider, instrumentId]);

  // Another chair took over, or it ended elsewhere: stop remembering.
  useEffect(() => {
    if (presentation && presentation.presenterId !== userId) rememberPresenting(null);
  }, [presentation, userId]);

  useEffect(() => {
    if (!presentingHere || !editor) return;
    let last = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const send = () => {
      timer = undefined;
      last = Date.now();
      const view = presenterView(editor);
      if (view) provider.sendStateless(JSON.stringify({ type: "plenary.view", ...view }));
    };
    const moved = () => {
      if (timer) return;
      timer = setTimeout(send, Math.max(0, VIEW_EVERY_MS - (Date.now() - last)));
    };
    moved();
    editor.on("selectionUpdate", moved);
    editor.on("update", moved);
    window.addEventListener("scroll", moved, { passive: true });
    return () => {
      clearTimeout(timer);
      editor.off("selectionUpdate", moved);
      editor.off("update", moved);
      window.removeEventListener("scroll", moved);
    };
  }, [presentingHere, editor, provider]);

  const start = () => {
    setWanted(true);
    rememberPresenting(instrumentId);
    provider.sendStateless(JSON.stringify({ type: "plenary.start" }));
  };
  const stop = () => {
    setWanted(false);
    rememberPresenting(null);
    provider.sendStateless(JSON.stringify({ type: "plenary.stop" }));
  };

  return (
    <div className="flex items-center gap-2">
      {presentingHere ? (
        <>
          <span role="status" className="rounded bg-emerald-100 px-2 py-0.5 text-sm font-medium text-emerald-900">
            Presenting to the plenary
          </span>
          <button type="button" onClick={stop} className="rounded border border-slate-300 px-2 py-1 text-sm">
            Stop presenting
          </button>
        </>
      ) : (
        <button
          type="button"
          onClick={start}
          disabled={wanted && !presentation}
          className="rounded bg-un px-2 py-1 text-sm font-medium text-white"
        >
          Present
        </button>
      )}
      <Link href={`/instruments/${instrumentId}/plenary`} target="_blank" className="text-sm text-un hover:underline">
        Projector view
      </Link>
    </div>
  );
}
