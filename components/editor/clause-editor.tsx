"use client";
// The clause text, co-edited live: the shared schema plus Yjs (per-user undo) and
// other people's carets labelled with their name and delegation.
import Collaboration from "@tiptap/extension-collaboration";
import CollaborationCaret from "@tiptap/extension-collaboration-caret";
import { type Editor, EditorContent, useEditor } from "@tiptap/react";
import { useEffect, useMemo, useRef } from "react";
import { PendingComment } from "@/components/comments/pending-comment";
import { ParagraphLocks, type ParagraphLocksOptions } from "@/components/paragraph-status/paragraph-locks-extension";
import { SuggestMode } from "@/components/proposals/suggest-mode-extension";
import type { EditorMode } from "@/components/proposals/use-editor-mode";
import { CLAUSE_FRAGMENT, clauseExtensions } from "@/lib/editor/extensions";
import type { ProposalAuthor } from "@/lib/editor/suggestions/proposal-author";
import { GlossaryUnderline, glossaryUnderlineKey } from "@/lib/glossary/glossary-underline";
import type { GlossaryEntry } from "@/lib/glossary/list-glossary";
import { compileTerms } from "@/lib/glossary/match-terms";
import { EditorToolbar } from "./editor-toolbar";
import { ForgetDecidedSteps } from "./forget-decided-steps";
import type { AwarenessUser, RoomUser } from "./room-user";
import type { ClauseConnection } from "./use-clause-connection";

const NO_TERMS: readonly GlossaryEntry[] = [];

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

/** Another person's selection: a light tint of their colour, under which words keep 4.5:1. */
function renderSelection(user: Record<string, unknown>) {
  const { color } = user as AwarenessUser;
  return {
    class: "collaboration-carets__selection",
    style: /^#[0-9a-f]{6}$/i.test(color) ? `background-color: ${color}33` : "",
  };
}

export function ClauseEditor({
  connection,
  user,
  editable,
  mode,
  author,
  glossary = NO_TERMS,
  onRefused,
  onEditor,
  locks,
}: {
  connection: ClauseConnection;
  user: RoomUser;
  editable: boolean;
  mode: EditorMode;
  /** Who new proposals belong to; null for people who may not propose. */
  author: ProposalAuthor | null;
  /** The instrument's glossary, underlined wherever its terms occur. */
  glossary?: readonly GlossaryEntry[];
  onRefused: (reason: string) => void;
  /** Called with the editor once it exists (and with null when it goes), e.g. for the comments beside it. */
  onEditor?: (editor: Editor | null) => void;
  /** Agreed text: who may change it, and where the clause stands (read on every transaction). */
  locks: ReturnType<ParagraphLocksOptions["current"]>;
}) {
  const locksRef = useRef(locks);
  locksRef.current = locks;
  // Read by the suggest-mode extension on every transaction.
  const modeRef = useRef(mode);
  modeRef.current = mode;
  const refusedRef = useRef(onRefused);
  refusedRef.current = onRefused;
  // Compiled once per glossary; read by the underline on every change of the text.
  const terms = useMemo(() => compileTerms(glossary), [glossary]);
  const termsRef = useRef(terms);
  termsRef.current = terms;
  const editor = useEditor(
    {
      immediatelyRender: false,
      editable: editable && mode !== "viewing",
      extensions: [
        ...clauseExtensions,
        SuggestMode.configure({
          author,
          isSuggesting: () => modeRef.current === "suggesting",
          onRefused: (reason) => refusedRef.current(reason),
        }),
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
          selectionRender: renderSelection,
        }),
        ForgetDecidedSteps.configure({ authorId: author?.authorId ?? null, doc: connection.doc }),
        PendingComment,
        GlossaryUnderline.configure({ terms: () => termsRef.current }),
        ParagraphLocks.configure({
          current: () => locksRef.current,
          onLocked: (message) => refusedRef.current(message),
          onAgreedEdited: (message) => refusedRef.current(message),
        }),
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
    if (!editor) return;
    editor.setEditable(editable && mode !== "viewing");
    editor.view.dom.setAttribute("data-mode", mode);
  }, [editor, editable, mode]);

  // A changed glossary (the page reloaded its props) is drawn again without a new editor.
  useEffect(() => {
    if (editor && !editor.isDestroyed) editor.view.dispatch(editor.state.tr.setMeta(glossaryUnderlineKey, terms));
  }, [editor, terms]);

  useEffect(() => {
    onEditor?.(editor);
    return () => onEditor?.(null);
  }, [editor, onEditor]);

  if (!editor) return <div className="min-h-64 animate-pulse rounded-lg bg-slate-100" aria-busy="true" />;
  return (
    <div className="rounded-lg border border-slate-200 bg-white">
      <EditorToolbar editor={editor} formatting={mode === "editing"} />
      <EditorContent editor={editor} className="clause-editor-frame rounded-b-lg" />
    </div>
  );
}
