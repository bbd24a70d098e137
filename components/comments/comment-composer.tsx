"use client";
// Writing a comment: a plain textarea whose `@` opens a list of the people and delegations
// taking part in the instrument. Ctrl+Enter (Cmd+Enter) posts, Escape cancels. A refusal from
// the server is shown here and the words are kept.
import { useId, useRef, useState } from "react";
import { MAX_COMMENT_LENGTH } from "@/lib/comments/comment-length";
import type { MentionCandidate } from "@/lib/comments/list-mention-candidates";
import { type PickedMention, toCommentBody, toEditableText } from "@/lib/comments/mention-text";

type Props = {
  label: string;
  submitLabel: string;
  candidates: MentionCandidate[];
  initial?: string;
  autoFocus?: boolean;
  onSubmit: (body: string) => Promise<string | null>;
  onCancel?: () => void;
};

type Query = { start: number; text: string };

function mentionQuery(value: string, caret: number): Query | null {
  const match = /(^|\s)@([^\s@[\]()]{0,30})$/.exec(value.slice(0, caret));
  return match ? { start: caret - match[2].length - 1, text: match[2].toLowerCase() } : null;
}

export function CommentComposer({
  label,
  submitLabel,
  candidates,
  initial = "",
  autoFocus,
  onSubmit,
  onCancel,
}: Props) {
  // Mentions read "@Label" while writing; the tokens are put back when the comment is posted.
  const [start] = useState(() => toEditableText(initial));
  const [value, setValue] = useState(start.text);
  const [mentions, setMentions] = useState<PickedMention[]>(start.mentions);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [query, setQuery] = useState<Query | null>(null);
  const [highlighted, setHighlighted] = useState(0);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const listId = useId();

  const matches = query
    ? candidates
        .filter((c) => c.label.toLowerCase().includes(query.text) || c.detail.toLowerCase().includes(query.text))
        .slice(0, 8)
    : [];
  const tooLong = value.length > MAX_COMMENT_LENGTH;

  function track(next: string, caret: number) {
    setValue(next);
    setQuery(mentionQuery(next, caret));
    setHighlighted(0);
  }

  function pick(candidate: MentionCandidate) {
    if (!query || !textarea.current) return;
    const caret = textarea.current.selectionStart;
    const token = `@${candidate.label} `;
    setMentions((picked) => [...picked, { kind: candidate.kind, id: candidate.id, label: candidate.label }]);
    const next = value.slice(0, query.start) + token + value.slice(caret);
    setValue(next);
    setQuery(null);
    const at = query.start + token.length;
    requestAnimationFrame(() => {
      textarea.current?.focus();
      textarea.current?.setSelectionRange(at, at);
    });
  }

  async function submit() {
    if (busy) return;
    if (!value.trim()) return setError("Write a comment before posting.");
    if (tooLong)
      return setError(`A comment can be at most ${MAX_COMMENT_LENGTH.toLocaleString("en")} characters long.`);
    setBusy(true);
    const refusal = await onSubmit(toCommentBody(value, mentions));
    setBusy(false);
    setError(refusal);
    if (!refusal) {
      setValue("");
      setMentions([]);
    }
  }

  function onKeyDown(event: React.KeyboardEvent<HTMLTextAreaElement>) {
    if (matches.length > 0) {
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        const step = event.key === "ArrowDown" ? 1 : -1;
        setHighlighted((highlighted + step + matches.length) % matches.length);
        return;
      }
      if (event.key === "Enter" || event.key === "Tab") {
        event.preventDefault();
        pick(matches[highlighted]);
        return;
      }
      if (event.key === "Escape") {
        event.preventDefault();
        setQuery(null);
        return;
      }
    }
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void submit();
    } else if (event.key === "Escape" && onCancel) {
      event.preventDefault();
      onCancel();
    }
  }

  return (
    <div className="relative mt-2">
      <textarea
        ref={textarea}
        aria-label={label}
        // biome-ignore lint/a11y/noAutofocus: the composer opens because the person asked to write
        autoFocus={autoFocus}
        value={value}
        rows={2}
        placeholder="Comment, or @ to mention"
        role="combobox"
        aria-expanded={matches.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={matches.length > 0 ? `${listId}-${highlighted}` : undefined}
        onChange={(event) => track(event.target.value, event.target.selectionStart)}
        onKeyDown={onKeyDown}
        onBlur={() => setTimeout(() => setQuery(null), 150)}
        className="block w-full resize-y rounded-md border border-slate-300 px-2 py-1.5 text-sm focus-visible:outline-2 focus-visible:outline-un"
      />
      {matches.length > 0 && (
        <div
          id={listId}
          role="listbox"
          aria-label="People and delegations to mention"
          className="absolute z-20 mt-1 max-h-60 w-full overflow-auto rounded-md border border-slate-200 bg-white py-1 text-sm shadow-lg"
        >
          {matches.map((candidate, index) => (
            <div
              key={`${candidate.kind}:${candidate.id}`}
              tabIndex={-1}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === highlighted}
              onMouseDown={(event) => {
                event.preventDefault();
                pick(candidate);
              }}
              className={`flex cursor-pointer justify-between gap-2 px-2 py-1 ${index === highlighted ? "bg-sky-50" : ""}`}
            >
              <span className="font-medium">{candidate.label}</span>
              <span className="truncate text-xs text-slate-600">
                {candidate.kind === "org" ? `Delegation · ${candidate.detail}` : candidate.detail}
              </span>
            </div>
          ))}
        </div>
      )}
      {(error || value.length > MAX_COMMENT_LENGTH - 500) && (
        <p role="alert" className={`mt-1 text-xs ${error || tooLong ? "text-red-700" : "text-slate-500"}`}>
          {error ?? `${value.length.toLocaleString("en")} / ${MAX_COMMENT_LENGTH.toLocaleString("en")} characters`}
        </p>
      )}
      <div className="mt-1.5 flex justify-end gap-2">
        {onCancel && (
          <button
            type="button"
            onClick={onCancel}
            className="rounded px-2 py-1 text-sm text-slate-600 hover:bg-slate-100"
          >
            Cancel
          </button>
        )}
        <button
          type="button"
          onClick={() => void submit()}
          disabled={busy}
          className="rounded bg-un px-3 py-1 text-sm font-medium text-white hover:bg-un-dark disabled:opacity-50"
        >
          {busy ? "Posting…" : submitLabel}
        </button>
      </div>
    </div>
  );
}
