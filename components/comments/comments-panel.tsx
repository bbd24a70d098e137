"use client";
// The comment threads of a clause: its heading and filter above the margin, its cards in the
// margin beside the text (components/margin), level with their words; clicking a highlight
// opens its thread (on a phone, in a sheet), clicking a thread shows its words.
import type { HocuspocusProvider } from "@hocuspocus/provider";
import type { Editor } from "@tiptap/core";
import { useSearchParams } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { createPortal } from "react-dom";
import { MarginCard } from "@/components/margin/margin-card";
import { DRAFT_KEY, proposalKey, threadKey, useMargin } from "@/components/margin/margin-context";
import type { MentionCandidate } from "@/lib/comments/list-mention-candidates";
import type { ProposalSummary } from "@/lib/comments/proposal-summary";
import type { ThreadView } from "@/lib/comments/thread-view";
import { CommentBubble } from "./comment-bubble";
import { announceCommentsChanged, commentsApi } from "./comments-api";
import {
  type AnchorPlace,
  anchorPlaces,
  type CommentSelection,
  commentSelection,
  proposalPlaces,
  threadWordsSelector,
} from "./editor-selection";
import { CommentComposer, preloadCommentComposer } from "./lazy-comment-composer";
import { pendingCommentKey } from "./pending-comment";
import { ProposalUnderDiscussion } from "./proposal-under-discussion";
import { type ThreadActions, ThreadCard } from "./thread-card";
import { useThreads } from "./use-threads";

type Filter = "open" | "resolved" | "all";
type Draft = { selection: CommentSelection | null; proposal?: ProposalSummary; error?: string };

/** "Discuss" was pressed on a proposal: open its thread, or start one. `nonce` tells presses apart. */
export type DiscussRequest = { proposal: ProposalSummary; threadId: string | null; nonce: number };

const FILTERS: { value: Filter; label: string }[] = [
  { value: "open", label: "Open" },
  { value: "resolved", label: "Resolved" },
  { value: "all", label: "All" },
];

/** Waits (a little) until every local edit is on the server, so the anchor's characters are there too. */
function untilSaved(provider: HocuspocusProvider): Promise<void> {
  return new Promise((resolve) => {
    const started = Date.now();
    const check = () => {
      // A read-only connection never sends anything, so it has nothing to wait for.
      const readOnly = provider.authorizedScope === "readonly";
      if (readOnly || !provider.hasUnsyncedChanges || Date.now() - started > 5_000) resolve();
      else setTimeout(check, 50);
    };
    check();
  });
}

export function CommentsPanel({
  clauseId,
  editor,
  provider,
  canComment,
  candidates,
  discuss,
}: {
  clauseId: string;
  editor: Editor;
  provider: HocuspocusProvider;
  canComment: boolean;
  candidates: MentionCandidate[];
  discuss: DiscussRequest | null;
}) {
  const { threads, error, reload, put } = useThreads(clauseId, provider);
  const [filter, setFilter] = useState<Filter>("open");
  const margin = useMargin();
  const { reveal } = margin;
  const activeId = margin.active?.startsWith("thread:") ? margin.active.slice("thread:".length) : null;
  const [draft, setDraft] = useState<Draft | null>(null);
  const [places, setPlaces] = useState<Map<string, AnchorPlace>>(() => anchorPlaces(editor));
  const [proposalsAt, setProposalsAt] = useState<Map<string, number>>(() => proposalPlaces(editor));
  const searchParams = useSearchParams();

  // Those who may comment find the composer ready when they first press Comment.
  useEffect(() => {
    if (canComment) preloadCommentComposer();
  }, [canComment]);

  // Follow the text: anchors move as anyone edits.
  useEffect(() => {
    const refresh = () => {
      setPlaces(anchorPlaces(editor));
      setProposalsAt(proposalPlaces(editor));
    };
    refresh();
    editor.on("update", refresh);
    return () => {
      editor.off("update", refresh);
    };
  }, [editor]);

  const visible = useMemo(() => {
    const shown = (threads ?? []).filter((t) =>
      filter === "all" ? true : filter === "open" ? t.resolved === null : t.resolved !== null,
    );
    const rank = (t: ThreadView) => {
      if (t.proposalId) return proposalsAt.get(t.proposalId) ?? Number.MAX_SAFE_INTEGER; // decided ones last
      if (t.quote === null) return -1; // the whole clause comes first
      return places.get(t.id)?.pos ?? Number.MAX_SAFE_INTEGER; // detached threads last
    };
    return shown.sort((a, b) => rank(a) - rank(b) || a.createdAt.localeCompare(b.createdAt));
  }, [threads, filter, places, proposalsAt]);

  const openThread = useCallback(
    (id: string, scroll: boolean) => {
      const thread = threads?.find((t) => t.id === id);
      reveal(threadKey(id), ...(thread?.proposalId ? [proposalKey(thread.proposalId)] : []));
      if (thread && filter !== "all" && (thread.resolved === null) !== (filter === "open")) setFilter("all");
      if (scroll) {
        const words = editor.view.dom.querySelector(threadWordsSelector(thread ?? { id, proposalId: null }));
        words?.scrollIntoView({ block: "center", behavior: "smooth" });
      }
    },
    [threads, filter, editor, reveal],
  );

  // A link from a notification: /clauses/<id>?thread=<thread id>.
  const linked = searchParams.get("thread");
  const loaded = threads !== null;
  const followedLink = useRef<string | null>(null);
  useEffect(() => {
    // Once per link, after the threads have loaded.
    if (!loaded || !linked || followedLink.current === linked) return;
    followedLink.current = linked;
    openThread(linked, true);
  }, [linked, loaded, openThread]);

  // Clicking highlighted words opens their thread (the innermost open one where threads overlap).
  useEffect(() => {
    const dom = editor.view.dom;
    const onClick = (event: MouseEvent) => {
      let element = (event.target as HTMLElement | null)?.closest<HTMLElement>("[data-comment-thread]");
      while (element && dom.contains(element)) {
        const id = element.dataset.commentThread;
        const thread = threads?.find((t) => t.id === id);
        if (thread && (thread.resolved === null || id === activeId)) return openThread(thread.id, false);
        element = element.parentElement?.closest<HTMLElement>("[data-comment-thread]") ?? null;
      }
    };
    dom.addEventListener("click", onClick);
    return () => dom.removeEventListener("click", onClick);
  }, [editor, threads, activeId, openThread]);

  const startDraft = useCallback(() => {
    if (!canComment) return;
    const selection = commentSelection(editor);
    if (!selection) return;
    editor.view.dispatch(editor.state.tr.setMeta(pendingCommentKey, { range: selection }));
    window.getSelection()?.removeAllRanges();
    reveal(DRAFT_KEY);
    setDraft({ selection });
  }, [canComment, editor, reveal]);

  const closeDraft = useCallback(() => {
    editor.view.dispatch(editor.state.tr.setMeta(pendingCommentKey, { clear: true }));
    setDraft(null);
  }, [editor]);

  // "Discuss" on a proposal: its thread if it has one, else a new comment on it.
  const handledDiscuss = useRef<number | null>(null);
  useEffect(() => {
    if (!discuss || handledDiscuss.current === discuss.nonce) return;
    handledDiscuss.current = discuss.nonce;
    const { threadId, proposal } = discuss;
    if (threadId) {
      openThread(threadId, false);
      // After the filter and layout have followed.
      setTimeout(() => scrollToCard(threadKey(threadId)), 100);
    } else if (canComment) {
      closeDraft();
      reveal(DRAFT_KEY);
      setDraft({ selection: null, proposal });
      setTimeout(() => scrollToCard(DRAFT_KEY), 100);
    }
  }, [discuss, openThread, canComment, closeDraft, reveal]);

  // Ctrl+Alt+M (Cmd+Option+M): comment on the selected words, from anywhere in the clause.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.code === "KeyM" && event.altKey && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        startDraft();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [startDraft]);

  const settle = useCallback(
    (result: { ok: true; value: ThreadView } | { ok: false; error: string }): string | null => {
      if (!result.ok) return result.error;
      put(result.value);
      void reload();
      announceCommentsChanged();
      return null;
    },
    [put, reload],
  );

  const actions: ThreadActions = useMemo(
    () => ({
      reply: async (threadId, body) => settle(await commentsApi.reply(clauseId, threadId, body)),
      edit: async (threadId, commentId, body) => settle(await commentsApi.edit(clauseId, threadId, commentId, body)),
      remove: async (threadId, commentId) => settle(await commentsApi.remove(clauseId, threadId, commentId)),
      setResolved: async (threadId, resolved) => settle(await commentsApi.setResolved(clauseId, threadId, resolved)),
    }),
    [clauseId, settle],
  );

  async function postDraft(body: string): Promise<string | null> {
    if (!draft) return null;
    await untilSaved(provider);
    const result = await commentsApi.start(clauseId, {
      body,
      ...(draft.selection ? { anchor: draft.selection.anchor } : {}),
      ...(draft.proposal ? { proposalId: draft.proposal.id } : {}),
    });
    const refusal = settle(result);
    if (result.ok) {
      closeDraft();
      setFilter((f) => (f === "resolved" ? "open" : f));
      reveal(threadKey(result.value.id));
    }
    return refusal;
  }

  const openCount = threads?.filter((t) => t.resolved === null).length ?? 0;
  const highlightRules = (threads ?? [])
    .map((t) => {
      if (t.proposalId) {
        const words = `.clause-text [data-proposal-id="${t.proposalId}"]`;
        return t.id === activeId ? `${words}{outline:2px solid rgb(202 138 4);outline-offset:1px}` : "";
      }
      const selector = `.clause-text [data-comment-thread="${t.id}"]`;
      if (t.id === activeId)
        return `${selector}{background:rgb(253 224 71 / .75);border-bottom:2px solid rgb(202 138 4)}`;
      return t.resolved === null ? `${selector}{background:rgb(254 240 138 / .55);cursor:pointer}` : "";
    })
    .join("\n");
  const place = margin.place("threads");
  const header = (
    <section aria-labelledby="comments-heading" className="space-y-1" data-testid="comments-panel">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="comments-heading" className="text-sm font-semibold text-slate-700">
          Comments <span className="font-normal text-slate-500">({openCount} open)</span>
          {filter !== "open" && (
            <span className="ml-1 font-normal text-slate-500">
              · showing {filter === "resolved" ? "resolved" : "all"}
            </span>
          )}
        </h2>
        {canComment
          ? !draft && (
              <button
                type="button"
                title="Or select words, then Comment (Ctrl+Alt+M)"
                onClick={() => {
                  closeDraft();
                  reveal(DRAFT_KEY);
                  setDraft({ selection: null });
                }}
                className="shrink-0 rounded border border-slate-300 bg-white px-2 py-1 text-xs font-medium text-slate-700 hover:bg-slate-50"
              >
                Comment on the whole clause
              </button>
            )
          : null}
      </div>
      {!canComment && (
        <p className="text-xs text-slate-500" data-testid="comments-read-only">
          Your delegation can read the comments but not write them.
        </p>
      )}
      {error && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {error}
        </p>
      )}
      {threads === null && !error && <p className="text-xs text-slate-500">Loading comments…</p>}
      {threads !== null && visible.length === 0 && !draft && filter !== "open" && (
        <p className="text-xs text-slate-500" data-testid="no-threads">
          {filter === "resolved" ? "No resolved threads." : "No comments yet."}
        </p>
      )}
    </section>
  );
  const filters = (
    <div className="flex flex-wrap items-center justify-between gap-2 text-xs">
      <span className="text-slate-500">Comment threads</span>
      <fieldset className="flex rounded-md border border-slate-300" aria-label="Show threads">
        {FILTERS.map(({ value, label }) => (
          <button
            key={value}
            type="button"
            aria-pressed={filter === value}
            onClick={() => setFilter(value)}
            className={`px-2 py-1 first:rounded-l-md last:rounded-r-md ${filter === value ? "bg-slate-700 text-white" : "bg-white hover:bg-slate-100"}`}
          >
            {label}
          </button>
        ))}
      </fieldset>
    </div>
  );

  const draftWords = draft?.selection
    ? ".comment-anchor-pending"
    : draft?.proposal
      ? threadWordsSelector({ id: DRAFT_KEY, proposalId: draft.proposal.id })
      : null;
  const draftCard = draft && place.shows(DRAFT_KEY) && (
    <MarginCard
      key={DRAFT_KEY}
      cardKey={DRAFT_KEY}
      words={draftWords}
      place={draftWords ? "words" : "top"}
      rank={draft.selection?.from ?? (draft.proposal ? (proposalsAt.get(draft.proposal.id) ?? 0) : -1)}
      aligned={place.aligned}
    >
      <div className="rounded-lg border border-amber-400 bg-white p-3 shadow-md" data-testid="new-thread">
        {draft.proposal ? (
          <ProposalUnderDiscussion proposal={draft.proposal} />
        ) : (
          <p className="text-xs font-medium text-slate-500">
            {draft.selection ? "New comment on:" : "New comment on the whole clause"}
          </p>
        )}
        {draft.selection && (
          <blockquote className="line-clamp-3 border-l-2 border-amber-400 pl-2 font-serif text-sm text-slate-700">
            “{draft.selection.quote}”
          </blockquote>
        )}
        <CommentComposer
          label="Your comment"
          submitLabel="Comment"
          candidates={candidates}
          autoFocus
          onSubmit={postDraft}
          onCancel={closeDraft}
        />
      </div>
    </MarginCard>
  );
  const cards = visible
    .filter((thread) =>
      place.shows(threadKey(thread.id), ...(thread.proposalId ? [proposalKey(thread.proposalId)] : [])),
    )
    .map((thread) => {
      const onClause = thread.quote === null && thread.proposalId === null;
      const rank = thread.proposalId ? proposalsAt.get(thread.proposalId) : places.get(thread.id)?.pos;
      return (
        <MarginCard
          key={thread.id}
          cardKey={threadKey(thread.id)}
          words={onClause ? null : threadWordsSelector(thread)}
          place={onClause ? "top" : "words"}
          rank={onClause ? -1 : (rank ?? 0)}
          aligned={place.aligned}
        >
          <ThreadCard
            thread={thread}
            currentWords={places.get(thread.id)?.words ?? null}
            active={thread.id === activeId}
            candidates={candidates}
            actions={actions}
            onActivate={() => openThread(thread.id, true)}
          />
        </MarginCard>
      );
    });

  return (
    <>
      <style>{highlightRules}</style>
      {canComment && <CommentBubble editor={editor} onComment={startDraft} />}
      {margin.headers.threads && createPortal(header, margin.headers.threads)}
      {margin.filters.threads && createPortal(filters, margin.filters.threads)}
      {place.element &&
        createPortal(
          <>
            {draftCard}
            {cards}
          </>,
          place.element,
        )}
    </>
  );
}

/** Brings a card of the margin into view (it may sit far down beside long text). */
function scrollToCard(key: string) {
  document
    .querySelector(`[data-margin-card][data-key="${CSS.escape(key)}"]`)
    ?.scrollIntoView({ block: "nearest", behavior: "smooth" });
}
