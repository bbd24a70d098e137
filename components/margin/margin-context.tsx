"use client";
// One margin for a clause's suggestions and comments: where the proposals panel and the comments
// panel put their cards (beside the text, level with their words; as a compact list; or, on a
// phone, in a sheet opened from the words), which card is active (clicked, or the caret is in
// its words), and the words it is about.
import type { Editor } from "@tiptap/core";
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useRef, useState } from "react";
import { COMMENT_ANCHOR } from "@/lib/editor/schema-names";
import { isSuggestionMarkName } from "@/lib/editor/suggestions/proposal-author";

export type MarginView = "margin" | "list";
type Lists = { proposals: HTMLElement | null; threads: HTMLElement | null };

/** Where one panel renders its cards now. */
export type CardPlace = {
  element: HTMLElement | null;
  /** Beside the text, placed level with their words. */
  aligned: boolean;
  /** Whether a card (by its key and the keys of the words it is about) is shown here. */
  shows: (...keys: string[]) => boolean;
};

type Margin = {
  view: MarginView;
  setView: (view: MarginView) => void;
  wide: boolean;
  active: string | null;
  /** Makes a card active (null: none), from a click on it or its words. */
  activate: (key: string | null) => void;
  /** Brings a card forward: active, and on a phone opened in the sheet. */
  reveal: (...keys: string[]) => void;
  sheetKeys: ReadonlySet<string> | null;
  closeSheet: () => void;
  /** Where each panel puts its heading line, above the margin. */
  headers: Lists;
  setHeaders: (lists: Lists) => void;
  /** Where each panel puts its filters (and the chair's bulk decisions), shown on request. */
  filters: Lists;
  setFilters: (lists: Lists) => void;
  setMarginLists: (lists: Lists) => void;
  setSheetLists: (lists: Lists) => void;
  place: (panel: keyof Lists) => CardPlace;
};

const MarginContext = createContext<Margin | null>(null);

export const proposalKey = (id: string) => `proposal:${id}`;
export const threadKey = (id: string) => `thread:${id}`;
export const DRAFT_KEY = "draft";

export function useMargin(): Margin {
  const margin = useContext(MarginContext);
  if (!margin) throw new Error("useMargin outside a MarginProvider");
  return margin;
}

function useWide(): boolean {
  const [wide, setWide] = useState(true);
  useEffect(() => {
    const list = window.matchMedia("(min-width: 1024px)");
    setWide(list.matches);
    const change = () => setWide(list.matches);
    list.addEventListener("change", change);
    return () => list.removeEventListener("change", change);
  }, []);
  return wide;
}

/** The cards whose words the caret touches: comment threads first, then proposals. */
function keysAtCaret(editor: Editor): string[] {
  const { $from } = editor.state.selection;
  const keys: string[] = [];
  for (const node of [$from.nodeBefore, $from.nodeAfter]) {
    for (const mark of node?.marks ?? []) {
      if (mark.type.name === COMMENT_ANCHOR) keys.unshift(threadKey(String(mark.attrs.threadId)));
      else if (isSuggestionMarkName(mark.type.name) && mark.attrs.id != null)
        keys.push(proposalKey(String(mark.attrs.id)));
    }
  }
  return keys;
}

const none = () => false;

export function MarginProvider({ editor, children }: { editor: Editor | null; children: ReactNode }) {
  const wide = useWide();
  const [view, setView] = useState<MarginView>("margin");
  const [active, setActive] = useState<string | null>(null);
  const [sheetKeys, setSheetKeys] = useState<ReadonlySet<string> | null>(null);
  const [headers, setHeaders] = useState<Lists>({ proposals: null, threads: null });
  const [filters, setFilters] = useState<Lists>({ proposals: null, threads: null });
  const [marginLists, setMarginLists] = useState<Lists>({ proposals: null, threads: null });
  const [sheetLists, setSheetLists] = useState<Lists>({ proposals: null, threads: null });
  // Whether the active card was made active by the caret (and so goes when the caret leaves).
  const byCaret = useRef(false);

  const activate = useCallback((key: string | null) => {
    byCaret.current = false;
    setActive(key);
  }, []);
  const reveal = useCallback(
    (...keys: string[]) => {
      if (keys.length === 0) return;
      activate(keys[0]);
      if (!wide && view === "margin") setSheetKeys((open) => new Set([...(open ?? []), ...keys]));
    },
    [activate, wide, view],
  );
  const closeSheet = useCallback(() => setSheetKeys(null), []);

  // The caret or selection in a card's words makes that card active, as in Docs.
  useEffect(() => {
    if (!editor) return;
    let last = "";
    const follow = () => {
      const keys = keysAtCaret(editor);
      const signature = keys.join(" ");
      if (signature === last) return; // the caret only moved with others' edits
      last = signature;
      setActive((current) => {
        if (current && keys.includes(current)) return current;
        if (keys.length > 0) {
          byCaret.current = true;
          return keys[0];
        }
        return byCaret.current ? null : current;
      });
    };
    editor.on("selectionUpdate", follow);
    return () => {
      editor.off("selectionUpdate", follow);
    };
  }, [editor]);

  const place = useCallback(
    (panel: keyof Lists): CardPlace => {
      if (view === "list") return { element: marginLists[panel], aligned: false, shows: () => true };
      if (wide) return { element: marginLists[panel], aligned: true, shows: () => true };
      const keys = sheetKeys;
      return keys
        ? { element: sheetLists[panel], aligned: false, shows: (...of) => of.some((key) => keys.has(key)) }
        : { element: null, aligned: false, shows: none };
    },
    [view, wide, marginLists, sheetLists, sheetKeys],
  );

  const value = useMemo<Margin>(
    () => ({
      view,
      setView,
      wide,
      active,
      activate,
      reveal,
      sheetKeys,
      closeSheet,
      headers,
      setHeaders,
      filters,
      setFilters,
      setMarginLists,
      setSheetLists,
      place,
    }),
    [view, wide, active, activate, reveal, sheetKeys, closeSheet, headers, filters, place],
  );
  return <MarginContext.Provider value={value}>{children}</MarginContext.Provider>;
}
