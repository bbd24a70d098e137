"use client";
// The clause room: the live text in the chosen mode (editing, suggesting, viewing), whether it
// is saved, who else is here, and beside the text one margin with the clause's proposals and
// comment threads level with their words (components/margin). Two rows: the controls above the
// text and above the margin, then the text and the margin, which start at the same height.
import type { Editor } from "@tiptap/react";
import dynamic from "next/dynamic";
import { useState } from "react";
import { AgreedLanguageDialog } from "@/components/agreed-language/agreed-language-dialog";
import type { DiscussRequest } from "@/components/comments/comments-panel";
import { useLiveClause } from "@/components/live/use-live-clause";
import { AlignedMargin } from "@/components/margin/aligned-margin";
import { MarginProvider, useMargin } from "@/components/margin/margin-context";
import { MarginHeader } from "@/components/margin/margin-header";
import type { ParagraphStatusRights } from "@/components/paragraph-status/paragraph-status-panel";
import { FollowOffer } from "@/components/plenary/follow-offer";
import { PresentControl } from "@/components/plenary/lazy-present-control";
import { usePlenaryState } from "@/components/plenary/use-plenary-state";
import { ModeSwitch } from "@/components/proposals/mode-switch";
import { availableModes, MODE_LABELS, useEditorMode } from "@/components/proposals/use-editor-mode";
import type { AgreedLanguage } from "@/lib/agreed-language/list-agreed-language";
import type { MentionCandidate } from "@/lib/comments/list-mention-candidates";
import type { ProposalAuthor } from "@/lib/editor/suggestions/proposal-author";
import type { GlossaryEntry } from "@/lib/glossary/list-glossary";
import {
  AlternativesPanel,
  BracketsPanel,
  ClauseEditor,
  CommentsPanel,
  GlossaryCard,
  ParagraphStatusPanel,
  ProposalsPanel,
  TextPlaceholder,
} from "./lazy-room-parts";
import { PresenceList } from "./presence-list";
import type { RoomUser } from "./room-user";
import { SaveStatus } from "./save-status";
import { useClauseConnection } from "./use-clause-connection";

const NONE: never[] = [];

// Not needed for the first paint, so not loaded with the page: the phone's sheet (loaded only on
// a narrow screen) and the hover card of proposed words (loaded once the room is up).
const MarginSheet = dynamic(() => import("@/components/margin/margin-sheet").then((m) => m.MarginSheet), {
  ssr: false,
});
const ProposalHoverCard = dynamic(
  () => import("@/components/proposals/proposal-hover-card").then((m) => m.ProposalHoverCard),
  { ssr: false },
);

/** The sheet the cards open in on a phone; nothing on a wide screen. */
function PhoneSheet() {
  return useMargin().wide ? null : <MarginSheet />;
}

export type RoomPermissions = {
  canEdit: boolean;
  canSuggest: boolean;
  canDecide: boolean;
  canBracket?: boolean;
  canRemoveBrackets?: boolean;
  canProposeAlternatives?: boolean;
  canSupportAlternatives?: boolean;
  canChooseAlternatives?: boolean;
};

export function ClauseRoom({
  clauseId,
  sessionBegan = null,
  user,
  permissions,
  canComment,
  mentionCandidates,
  glossary = NONE,
  agreedLanguage = NONE,
  paragraphStatus,
  plenary,
}: {
  clauseId: string;
  /** Plenary mode (components/plenary): the instrument, and whether this person may present. */
  plenary?: { instrumentId: string; canPresent: boolean };
  /** When this page's session began (ms): kept edits from before it are stamped afresh. */
  sessionBegan?: number | null;
  user: RoomUser;
  permissions: RoomPermissions;
  canComment: boolean;
  mentionCandidates: MentionCandidate[];
  /** The instrument's glossary: its terms are underlined in the text (components/glossary). */
  glossary?: GlossaryEntry[];
  /** The instrument's library of agreed language, to search and insert from. */
  agreedLanguage?: AgreedLanguage[];
  paragraphStatus: ParagraphStatusRights;
}) {
  const { connection, saveState, kept, refusal, liveReadOnly, droppedEdit, dismissDroppedEdit } = useClauseConnection(
    clauseId,
    user.id,
    sessionBegan,
  );
  const plenaryState = usePlenaryState(connection?.provider ?? null);
  const modes = availableModes(permissions);
  const { mode, setMode } = useEditorMode(modes);
  const [editor, setEditor] = useState<Editor | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  // Where the clause stands as a whole, as the live stream last told it (agreed text is locked).
  const clauseStatus = useLiveClause(clauseId, paragraphStatus.clauseStatus)?.status ?? paragraphStatus.clauseStatus;
  const [discuss, setDiscuss] = useState<DiscussRequest | null>(null);
  // Hover cards listen on the text's container, which exists before the editor view mounts.
  const [textArea, setTextArea] = useState<HTMLDivElement | null>(null);
  const mayWrite = permissions.canEdit || permissions.canSuggest;
  // The page said what the role allowed when it loaded; the socket says what it allows now.
  const writable = !refusal && (liveReadOnly === null ? mayWrite : !liveReadOnly);
  const author: ProposalAuthor | null = permissions.canSuggest
    ? {
        authorId: user.id,
        authorName: user.name,
        organizationId: user.organizationId,
        organizationCode: user.organizationCode,
        organizationName: user.organizationName,
        colour: user.colour,
      }
    : null;
  return (
    <MarginProvider editor={editor}>
      <div className="mt-6 grid gap-x-6 gap-y-4 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="min-w-0 space-y-2">
          {connection && <PresenceList provider={connection.provider} />}
          <FollowOffer presentation={plenaryState.presentation} userId={user.id} />
          {connection && plenary?.canPresent && (
            <PresentControl
              instrumentId={plenary.instrumentId}
              clauseId={clauseId}
              userId={user.id}
              provider={connection.provider}
              editor={editor}
              presentation={plenaryState.presentation}
            />
          )}
          {plenaryState.refusal && (
            <p role="alert" className="flex justify-between gap-2 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
              <span>{plenaryState.refusal}</span>
              <button type="button" onClick={plenaryState.dismissRefusal} className="underline">
                Dismiss
              </button>
            </p>
          )}
          <div className="flex flex-wrap items-center justify-between gap-2">
            {writable ? (
              <ModeSwitch modes={modes} mode={mode} onChange={setMode} />
            ) : (
              <p className="text-sm text-slate-500">
                You can read this clause; your delegation cannot change its text.
              </p>
            )}
            <div className="flex items-center gap-3">
              <AgreedLanguageDialog
                editor={editor}
                entries={agreedLanguage}
                mode={mode}
                mayPropose={writable && permissions.canSuggest}
              />
              <SaveStatus state={saveState} kept={kept} />
            </div>
          </div>
          {(writable || canComment) && (
            <p className="text-sm text-slate-500">
              {writable && `${MODE_LABELS[mode].hint}. `}
              {canComment && "To comment, select words, then Comment (Ctrl+Alt+M)."}
            </p>
          )}
          {refusal && (
            <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
              {refusal}
            </p>
          )}
          {droppedEdit && (
            <p
              role="alert"
              className="flex justify-between gap-2 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800"
              data-testid="dropped-edit"
            >
              <span>{droppedEdit}</span>
              <button type="button" onClick={dismissDroppedEdit} className="underline">
                Dismiss
              </button>
            </p>
          )}
          {notice && (
            <p
              role="status"
              className="flex justify-between gap-2 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900"
            >
              <span>{notice}</span>
              <button type="button" onClick={() => setNotice(null)} className="underline">
                Dismiss
              </button>
            </p>
          )}
        </div>
        <div className="min-w-0">{connection && <MarginHeader canDecide={permissions.canDecide} />}</div>
        <div className="min-w-0">
          <div ref={setTextArea}>
            {connection ? (
              <ClauseEditor
                connection={connection}
                user={user}
                editable={writable}
                mode={mode}
                author={author}
                glossary={glossary}
                onRefused={setNotice}
                onEditor={setEditor}
                locks={{
                  mayEditAgreed: permissions.canEdit,
                  clauseNumber: paragraphStatus.clauseNumber,
                  clauseStatus,
                }}
              />
            ) : (
              <TextPlaceholder />
            )}
          </div>
          <ProposalHoverCard root={textArea} />
          {connection && editor && (
            <BracketsPanel
              clauseId={clauseId}
              editor={editor}
              provider={connection.provider}
              canBracket={Boolean(permissions.canBracket) && writable}
              canRemove={Boolean(permissions.canRemoveBrackets)}
            />
          )}
          {connection && editor && (
            <AlternativesPanel
              clauseId={clauseId}
              editor={editor}
              provider={connection.provider}
              myCode={user.organizationCode}
              canPropose={Boolean(permissions.canProposeAlternatives) && writable}
              canSupport={Boolean(permissions.canSupportAlternatives)}
              canChoose={Boolean(permissions.canChooseAlternatives)}
            />
          )}
          <GlossaryCard root={textArea} editor={editor} glossary={glossary} mode={mode} writable={writable} />
          {connection && (
            <div className="mt-4">
              <ParagraphStatusPanel
                clauseId={clauseId}
                editor={editor}
                provider={connection.provider}
                rights={paragraphStatus}
                clauseStatus={clauseStatus}
              />
            </div>
          )}
        </div>
        <aside aria-label="Proposals and comments" className="min-w-0">
          {connection && <AlignedMargin editor={editor} />}
        </aside>
      </div>
      <PhoneSheet />
      {connection && (
        <ProposalsPanel
          clauseId={clauseId}
          provider={connection.provider}
          editor={editor}
          organizationId={user.organizationId}
          canDecide={permissions.canDecide}
          canComment={canComment}
          onDiscuss={(proposal) =>
            setDiscuss((previous) => ({
              proposal: {
                id: proposal.id,
                kind: proposal.kind,
                status: proposal.status,
                insertedText: proposal.insertedText,
                deletedText: proposal.deletedText,
                authorId: proposal.author.id,
                delegation: proposal.delegation,
              },
              threadId: proposal.discussion?.threadId ?? null,
              nonce: (previous?.nonce ?? 0) + 1,
            }))
          }
        />
      )}
      {connection && editor && (
        <CommentsPanel
          clauseId={clauseId}
          editor={editor}
          provider={connection.provider}
          canComment={canComment}
          candidates={mentionCandidates}
          discuss={discuss}
        />
      )}
    </MarginProvider>
  );
}
