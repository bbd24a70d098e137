"use client";
// The presented clause on a following screen: its live text, read-only, in large type, with the
// chair's focus and selection drawn on it and the chair's scroll position followed. Connected
// with the follow token (lib/plenary/follow-mode.ts) and no presence: the screen is not in the room.
import { HocuspocusProvider } from "@hocuspocus/provider";
import Collaboration from "@tiptap/extension-collaboration";
import { EditorContent, useEditor } from "@tiptap/react";
import { relativePositionToAbsolutePosition, ySyncPluginKey } from "@tiptap/y-tiptap";
import { useEffect, useState } from "react";
import * as Y from "yjs";
import { clauseDocumentName } from "@/lib/collab/clause-document-name";
import { CLAUSE_FRAGMENT, clauseExtensions } from "@/lib/editor/extensions";
import {
  FOLLOW_TOKEN,
  type Presentation,
  type PresentedView,
  type RelativePositionJson,
  readPlenaryMessage,
} from "@/lib/plenary/plenary-messages";
import { PlenaryHighlight, plenaryHighlightKey } from "./plenary-highlight";

function useFollowerConnection(clauseId: string, onState: (presentation: Presentation | null) => void) {
  const [connection, setConnection] = useState<{ doc: Y.Doc; provider: HocuspocusProvider } | null>(null);
  const [view, setView] = useState<PresentedView | null>(null);
  useEffect(() => {
    const doc = new Y.Doc();
    const url = `${window.location.protocol === "https:" ? "wss" : "ws"}://${window.location.host}/collab`;
    // No awareness: a following screen publishes no presence (the server drops any anyway).
    const provider = new HocuspocusProvider({
      url,
      name: clauseDocumentName(clauseId),
      document: doc,
      token: FOLLOW_TOKEN,
      awareness: null,
    });
    provider.on("stateless", ({ payload }: { payload: string }) => {
      const message = readPlenaryMessage(payload);
      if (message?.type === "plenary.view" && message.clauseId === clauseId) {
        const { type: _type, clauseId: _clause, ...next } = message;
        setView(next);
      }
      if (message?.type === "plenary.state") onState(message.presentation);
    });
    setConnection({ doc, provider });
    return () => {
      provider.destroy();
      doc.destroy();
    };
    // onState is the screen's stable callback (useCallback without dependencies).
  }, [clauseId, onState]);
  return { connection, view };
}

export function FollowerText({
  clauseId,
  onState,
}: {
  clauseId: string;
  onState: (presentation: Presentation | null) => void;
}) {
  const { connection, view } = useFollowerConnection(clauseId, onState);
  const editor = useEditor(
    {
      immediatelyRender: false,
      editable: false,
      extensions: connection
        ? [
            ...clauseExtensions,
            Collaboration.configure({ document: connection.doc, field: CLAUSE_FRAGMENT }),
            PlenaryHighlight,
          ]
        : clauseExtensions,
      editorProps: { attributes: { class: "clause-text plenary-text", "aria-label": "The presented clause" } },
    },
    [connection],
  );

  useEffect(() => {
    if (!editor || !connection || !view) return;
    const binding = ySyncPluginKey.getState(editor.state)?.binding;
    const absolute = (position: RelativePositionJson | undefined) =>
      position && binding
        ? relativePositionToAbsolutePosition(
            connection.doc,
            binding.type,
            Y.createRelativePositionFromJSON(position),
            binding.mapping,
          )
        : null;
    const from = absolute(view.selection?.anchor);
    const to = absolute(view.selection?.head);
    editor.view.dispatch(editor.state.tr.setMeta(plenaryHighlightKey, { focus: view.focus, from, to }));
    const blocks = editor.view.dom.children;
    blocks[view.top]?.scrollIntoView({ block: "start", behavior: "smooth" });
  }, [editor, connection, view]);

  if (!editor) return <div className="min-h-64" aria-busy="true" />;
  return <EditorContent editor={editor} />;
}
