"use client";
// The clause text, co-edited live: the shared schema plus Yjs (per-user undo) and
// other people's carets labelled with their name and delegation.
import Collaboration from "@tiptap/extension-collaboration";
import CollaborationCaret from "@tiptap/extension-collaboration-caret";
import { type Editor, EditorContent, useEditor } from "@tiptap/react";
import { useEffect } from "react";
import { PendingComment } from "@/components/comments/pending-comment";
import { CLAUSE_FRAGMENT, clauseExtensions } from "@/lib/editor/extensions";
import { EditorToolbar } from "./editor-toolbar";
import type { AwarenessUser, RoomUser } from "./room-user";
import type { ClauseConnection } from "./use-clause-connection";

function renderCaret(user: Record<string, unknown>): HTMLElement {
  const { name, color, organizationCode } = user as AwarenessUser;
  const caret = document.createElement("span");
  caret.className = "collaboration-carets__caret";
  caret.style.borderColor = color;
  const label = document.createElement("span");
  label.className = "collaboration-carets__label";
  label.style.backgroundColor = color;
  label.textContent = organizationCode ? `${name} · ${organizationCode}` : name;
  caret.append(label);
  return caret;
}

export function ClauseEditor({
  connection,
  user,
  editable,
  onEditor,
}: {
  connection: ClauseConnection;
  user: RoomUser;
  editable: boolean;
  /** Called with the editor once it exists (and with null when it goes), e.g. for the comments beside it. */
  onEditor?: (editor: Editor | null) => void;
}) {
  const editor = useEditor(
    {
      immediatelyRender: false,
      editable,
      extensions: [
        ...clauseExtensions,
        Collaboration.configure({ document: connection.doc, field: CLAUSE_FRAGMENT }),
        CollaborationCaret.configure({
          provider: connection.provider,
          user: {
            id: user.id,
            name: user.name,
            color: user.colour,
            organizationCode: user.organizationCode,
          } satisfies AwarenessUser,
          render: renderCaret,
        }),
        PendingComment,
      ],
      editorProps: {
        attributes: {
          class: "clause-text min-h-64 px-6 py-4",
          "aria-label": "Clause text",
          "data-testid": "clause-editor",
        },
      },
    },
    [connection],
  );

  // Rights can change while the clause is open (a role change reaches the socket live).
  useEffect(() => {
    if (editor && editor.isEditable !== editable) editor.setEditable(editable);
  }, [editor, editable]);

  useEffect(() => {
    onEditor?.(editor);
    return () => onEditor?.(null);
  }, [editor, onEditor]);

  if (!editor) return <div className="min-h-64 animate-pulse rounded-lg bg-slate-100" aria-busy="true" />;
  return (
    <div className="rounded-lg border border-slate-200 bg-white">
      <EditorToolbar editor={editor} />
      <EditorContent editor={editor} />
    </div>
  );
}
