"use client";
// Tiptap and ProseMirror are most of a clause page's JavaScript, and only the editor and the
// panels that work on its text need them (room-parts.ts). They are not among the page's first
// scripts: the browser asks for them as soon as this module runs — before the page is hydrated,
// not when they are first rendered — while the socket opens and the clause's text arrives,
// which the editor waits for anyway (use-clause-connection.ts opens it without them).
//
// All parts come from one module and appear in the same render: a panel mounted after the module
// is there renders at once, never a moment after the editor (a selection made in that moment
// would find no comment bubble and no Ctrl+Alt+M listening).
import { type ComponentProps, type ComponentType, useSyncExternalStore } from "react";

type RoomParts = typeof import("./room-parts");

let loaded: RoomParts | null = null;
const loading: Promise<RoomParts> | null =
  typeof window === "undefined"
    ? null
    : import("./room-parts").then((parts) => {
        loaded = parts;
        return parts;
      });

function subscribe(onLoaded: () => void): () => void {
  let listening = true;
  void loading?.then(() => {
    if (listening) onLoaded();
  });
  return () => {
    listening = false;
  };
}

/** The parts once loaded; null on the server and while hydrating (the server rendered none of them). */
function useRoomParts(): RoomParts | null {
  return useSyncExternalStore(
    subscribe,
    () => loaded,
    () => null,
  );
}

/** What stands in the text's place until the editor is there (the same as before it has the text). */
export function TextPlaceholder() {
  return <div className="min-h-64 animate-pulse rounded-lg bg-slate-100" aria-busy="true" />;
}

function part<Name extends keyof RoomParts>(name: Name, Placeholder: ComponentType | null = null) {
  function Part(props: ComponentProps<RoomParts[Name]>) {
    const parts = useRoomParts();
    if (!parts) return Placeholder ? <Placeholder /> : null;
    // Each part takes its own props; the map from name to component is not one TypeScript follows.
    const Loaded = parts[name] as unknown as ComponentType<Record<string, unknown>>;
    return <Loaded {...(props as Record<string, unknown>)} />;
  }
  Part.displayName = `Lazy(${name})`;
  return Part;
}

export const ClauseEditor = part("ClauseEditor", TextPlaceholder);
export const ProposalsPanel = part("ProposalsPanel");
export const CommentsPanel = part("CommentsPanel");
export const BracketsPanel = part("BracketsPanel");
export const AlternativesPanel = part("AlternativesPanel");
export const ParagraphStatusPanel = part("ParagraphStatusPanel");
export const GlossaryCard = part("GlossaryCard");
