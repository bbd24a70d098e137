"use client";
// One thread beside the text: the words it is about, the discussion in order, and what this
// person may do (reply, edit or delete their own comments, resolve or reopen).
import { useState } from "react";
import { RelativeTime } from "@/components/ui/relative-time";
import type { MentionCandidate } from "@/lib/comments/list-mention-candidates";
import type { CommentView, ThreadView } from "@/lib/comments/thread-view";
import { threadSubject } from "@/lib/wording/delegation-wording";
import { CommentText } from "./comment-text";
import { CommentComposer } from "./lazy-comment-composer";
import { ProposalUnderDiscussion } from "./proposal-under-discussion";

export type ThreadActions = {
  reply(threadId: string, body: string): Promise<string | null>;
  edit(threadId: string, commentId: string, body: string): Promise<string | null>;
  remove(threadId: string, commentId: string): Promise<string | null>;
  setResolved(threadId: string, resolved: boolean): Promise<string | null>;
};

type Props = {
  thread: ThreadView;
  /** The anchored words as they read now, when they are in the text. */
  currentWords: string | null;
  active: boolean;
  candidates: MentionCandidate[];
  actions: ThreadActions;
  onActivate: () => void;
};

function Author({ comment }: { comment: CommentView }) {
  return (
    <span className="flex min-w-0 items-center gap-1.5">
      <span aria-hidden className="size-2 shrink-0 rounded-full" style={{ backgroundColor: comment.author.colour }} />
      <span className="truncate text-sm font-medium">{comment.author.name}</span>
      <span className="text-xs text-slate-500" title={comment.author.organizationName}>
        {comment.author.organizationCode}
      </span>
    </span>
  );
}

function Entry({
  thread,
  comment,
  candidates,
  actions,
}: Pick<Props, "thread" | "candidates" | "actions"> & { comment: CommentView }) {
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (comment.kind !== "COMMENT") {
    return (
      <li className="flex flex-wrap items-center gap-1 text-xs text-slate-500" data-testid="thread-event">
        <span aria-hidden>{comment.kind === "RESOLVED" ? "✓" : "↺"}</span>
        {comment.kind === "RESOLVED" ? "Resolved by" : "Reopened by"} {comment.author.name} (
        {comment.author.organizationCode}) · <RelativeTime iso={comment.createdAt} />
      </li>
    );
  }
  return (
    <li data-testid="comment">
      <div className="flex items-baseline justify-between gap-2">
        <Author comment={comment} />
        <span className="shrink-0 text-xs text-slate-500">
          <RelativeTime iso={comment.createdAt} />
          {comment.editedAt && !comment.deleted && (
            <span title={new Date(comment.editedAt).toLocaleString("en-GB")}> · edited</span>
          )}
        </span>
      </div>
      {comment.deleted ? (
        <p className="text-sm italic text-slate-500">Comment deleted</p>
      ) : editing ? (
        <CommentComposer
          label="Edit your comment"
          submitLabel="Save"
          candidates={candidates}
          initial={comment.body}
          autoFocus
          onCancel={() => setEditing(false)}
          onSubmit={async (body) => {
            const refusal = await actions.edit(thread.id, comment.id, body);
            if (!refusal) setEditing(false);
            return refusal;
          }}
        />
      ) : (
        <CommentText body={comment.body} />
      )}
      {!editing && (comment.mayEdit || comment.mayDelete) && (
        <div className="mt-0.5 flex gap-2 text-xs">
          {comment.mayEdit && (
            <button type="button" className="text-slate-600 hover:underline" onClick={() => setEditing(true)}>
              Edit
            </button>
          )}
          {comment.mayDelete && (
            <button
              type="button"
              className="text-slate-600 hover:underline"
              onClick={async () => {
                if (!window.confirm("Delete this comment? The thread will show that a comment was deleted.")) return;
                setError(await actions.remove(thread.id, comment.id));
              }}
            >
              Delete
            </button>
          )}
        </div>
      )}
      {error && (
        <p role="alert" className="text-xs text-red-700">
          {error}
        </p>
      )}
    </li>
  );
}

export function ThreadCard({ thread, currentWords, active, candidates, actions, onActivate }: Props) {
  const [error, setError] = useState<string | null>(null);
  const resolved = thread.resolved !== null;
  const detached = thread.detached && currentWords === null;

  return (
    // biome-ignore lint/a11y/useSemanticElements: an article holding buttons cannot itself be a button
    <article
      data-testid="thread"
      data-thread-id={thread.id}
      data-state={resolved ? "resolved" : "open"}
      data-detached={detached ? "true" : "false"}
      aria-label={`Comment thread by ${thread.author.name}`}
      role="group"
      tabIndex={-1}
      onClick={onActivate}
      onKeyDown={(event) => event.key === "Enter" && event.target === event.currentTarget && onActivate()}
      className={`rounded-lg border bg-white p-3 text-left shadow-sm transition-shadow ${
        active ? "border-amber-400 shadow-md ring-1 ring-amber-300" : "border-slate-200 hover:shadow"
      } ${resolved ? "opacity-90" : ""}`}
    >
      <div className="mb-2 flex items-start justify-between gap-2">
        {thread.proposal ? (
          <ProposalUnderDiscussion proposal={thread.proposal} />
        ) : thread.quote === null ? (
          <p className="text-xs font-medium uppercase tracking-wide text-slate-500">On the whole clause</p>
        ) : (
          <div className="min-w-0">
            {detached && (
              <p className="text-xs font-medium text-red-800" data-testid="detached-label">
                Detached — the words it was about were deleted:
              </p>
            )}
            <blockquote
              className={`line-clamp-3 border-l-2 pl-2 font-serif text-sm ${
                detached
                  ? "border-red-300 text-slate-500 line-through decoration-slate-400"
                  : "border-amber-400 text-slate-700"
              }`}
              data-testid="thread-quote"
            >
              “{detached ? thread.quote : (currentWords ?? thread.quote)}”
            </blockquote>
          </div>
        )}
        {thread.mayResolve && (
          <button
            type="button"
            onClick={async (event) => {
              event.stopPropagation();
              setError(await actions.setResolved(thread.id, true));
            }}
            title="Mark as resolved and hide its highlight"
            className="shrink-0 rounded border border-slate-300 px-2 py-0.5 text-xs font-medium text-slate-700 hover:bg-emerald-50"
          >
            ✓ Resolve
          </button>
        )}
        {thread.mayReopen && (
          <button
            type="button"
            onClick={async (event) => {
              event.stopPropagation();
              setError(await actions.setResolved(thread.id, false));
            }}
            className="shrink-0 rounded border border-slate-300 px-2 py-0.5 text-xs font-medium text-slate-700 hover:bg-slate-50"
          >
            Reopen
          </button>
        )}
      </div>
      {resolved && thread.resolved && (
        <p className="mb-2 rounded bg-emerald-50 px-2 py-1 text-xs text-emerald-800" data-testid="resolved-label">
          Resolved by {thread.resolved.by} · <RelativeTime iso={thread.resolved.at} />
        </p>
      )}
      <ol className="space-y-3">
        {thread.comments.map((comment) => (
          <Entry key={comment.id} thread={thread} comment={comment} candidates={candidates} actions={actions} />
        ))}
      </ol>
      {error && (
        <p role="alert" className="mt-2 text-xs text-red-700">
          {error}
        </p>
      )}
      {thread.mayReply && active && (
        <CommentComposer
          label="Reply"
          submitLabel="Reply"
          candidates={candidates}
          onSubmit={(body) => actions.reply(thread.id, body)}
        />
      )}
      {thread.mayReply && !active && (
        <button
          type="button"
          className="mt-2 text-xs text-slate-600 hover:underline"
          onClick={onActivate}
          aria-label={`Reply to ${threadSubject({ quote: currentWords ?? thread.quote, proposal: thread.proposal })}`}
        >
          Reply…
        </button>
      )}
    </article>
  );
}
