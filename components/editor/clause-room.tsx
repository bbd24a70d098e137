"use client";
// The clause room: the live text, whether it is saved, who else is here, and the comments.
import type { Editor } from "@tiptap/react";
import { useState } from "react";
import { CommentsPanel } from "@/components/comments/comments-panel";
import type { MentionCandidate } from "@/lib/comments/list-mention-candidates";
import { ClauseEditor } from "./clause-editor";
import { PresenceList } from "./presence-list";
import type { RoomUser } from "./room-user";
import { SaveStatus } from "./save-status";
import { useClauseConnection } from "./use-clause-connection";

export function ClauseRoom({
  clauseId,
  user,
  canEdit,
  canComment,
  mentionCandidates,
}: {
  clauseId: string;
  user: RoomUser;
  canEdit: boolean;
  canComment: boolean;
  mentionCandidates: MentionCandidate[];
}) {
  const { connection, saveState, refusal, liveReadOnly } = useClauseConnection(clauseId);
  // The page said what the role allowed when it loaded; the socket says what it allows now.
  const editable = !refusal && (liveReadOnly === null ? canEdit : !liveReadOnly);
  const [editor, setEditor] = useState<Editor | null>(null);
  return (
    <div className="mt-6 grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
      <div className="space-y-2">
        <div className="flex items-center justify-between">
          <p className="text-sm text-slate-500">
            {editable
              ? "Changes are shared with everyone in the clause as you type."
              : "You can read this clause; your delegation cannot change its text."}
          </p>
          <SaveStatus state={saveState} />
        </div>
        {refusal && (
          <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
            {refusal}
          </p>
        )}
        {connection ? (
          <ClauseEditor connection={connection} user={user} editable={editable} onEditor={setEditor} />
        ) : (
          <div className="min-h-64 animate-pulse rounded-lg bg-slate-100" aria-busy="true" />
        )}
      </div>
      <aside className="space-y-4">
        {connection && <PresenceList provider={connection.provider} />}
        {connection && editor && (
          <CommentsPanel
            clauseId={clauseId}
            editor={editor}
            provider={connection.provider}
            canComment={canComment}
            candidates={mentionCandidates}
          />
        )}
      </aside>
    </div>
  );
}
