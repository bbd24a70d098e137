"use client";
// The clause's paragraphs and where each stands, beside the text: the chair sets a paragraph
// open, agreed ad referendum or agreed, and sees the delegations' requests to reopen agreed text
// (live: the room is told when one arrives) to reopen or decline; a delegation asks to reopen
// an agreed paragraph, or the clause, with a reason, and sees its requests answered.
import type { HocuspocusProvider } from "@hocuspocus/provider";
import type { Editor } from "@tiptap/react";
import { useCallback, useEffect, useState } from "react";
import { useClauseMessages } from "@/components/editor/use-clause-messages";
import type { ReopenRequestView } from "@/lib/paragraph-status/reopen-requests";
import { type NumberedParagraphView, numberedParagraphsIn } from "./paragraph-locks-extension";
import { paragraphStatusApi, type Status } from "./paragraph-status-api";

export type ParagraphStatusRights = {
  clauseNumber: string;
  clauseStatus: Status;
  canSetStatus: boolean;
  canRequestReopen: boolean;
  canAnswerReopen: boolean;
};

const LABELS: Record<Status, string> = { OPEN: "Open", AGREED_AD_REF: "Agreed ad ref", AGREED: "Agreed" };

function useParagraphs(editor: Editor | null): NumberedParagraphView[] {
  const [paragraphs, setParagraphs] = useState<NumberedParagraphView[]>([]);
  useEffect(() => {
    if (!editor) return;
    const read = () =>
      setParagraphs((was) => {
        const now = numberedParagraphsIn(editor.state.doc).map(({ number, status, words }) => ({
          number,
          status,
          words,
        }));
        return JSON.stringify(now) === JSON.stringify(was) ? was : now;
      });
    read();
    editor.on("update", read);
    return () => {
      editor.off("update", read);
    };
  }, [editor]);
  return paragraphs;
}

function AskToReopen({ label, onAsk }: { label: string; onAsk: (reason: string) => Promise<string | null> }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  if (!open)
    return (
      <button type="button" className="text-xs text-un hover:underline" onClick={() => setOpen(true)}>
        Ask to reopen
      </button>
    );
  return (
    <form
      className="mt-1 space-y-1"
      onSubmit={async (event) => {
        event.preventDefault();
        const failed = await onAsk(reason);
        setError(failed);
        if (!failed) {
          setOpen(false);
          setReason("");
        }
      }}
    >
      <label className="block text-xs text-slate-600">
        Why should {label} be reopened?
        <textarea
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          required
          rows={2}
          className="mt-1 block w-full rounded border border-slate-300 px-2 py-1 text-sm"
        />
      </label>
      {error && (
        <p role="alert" className="text-xs text-red-700">
          {error}
        </p>
      )}
      <div className="flex gap-2">
        <button type="submit" className="rounded bg-un px-2 py-1 text-xs font-medium text-white">
          Send request
        </button>
        <button type="button" className="text-xs text-slate-600 underline" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function RequestCard({
  request,
  canAnswer,
  onAnswer,
}: {
  request: ReopenRequestView;
  canAnswer: boolean;
  onAnswer: (decision: "REOPEN" | "DECLINE", answer?: string) => Promise<string | null>;
}) {
  const [declining, setDeclining] = useState(false);
  const [answer, setAnswer] = useState("");
  const [error, setError] = useState<string | null>(null);
  const what = request.paragraph === null ? "The article" : `Paragraph ${request.paragraph}`;
  return (
    <li className="rounded border border-slate-200 p-2 text-sm" data-testid="reopen-request">
      <p>
        <span className="font-medium">{request.delegation.code}</span> asks to reopen {what.toLowerCase()}
        {request.quote && <span className="text-slate-500"> (“{request.quote}”)</span>}:
      </p>
      <p className="mt-1 italic text-slate-700">{request.reason}</p>
      {request.status !== "OPEN" && (
        <p className="mt-1 text-xs text-slate-600">
          {request.status === "REOPENED" ? "Reopened by the chair." : `Declined: ${request.answer ?? ""}`}
        </p>
      )}
      {error && (
        <p role="alert" className="mt-1 text-xs text-red-700">
          {error}
        </p>
      )}
      {canAnswer && request.status === "OPEN" && !declining && (
        <div className="mt-2 flex gap-2">
          <button
            type="button"
            className="rounded bg-un px-2 py-1 text-xs font-medium text-white"
            onClick={async () => setError(await onAnswer("REOPEN"))}
          >
            Reopen {what.toLowerCase()}
          </button>
          <button type="button" className="text-xs text-slate-700 underline" onClick={() => setDeclining(true)}>
            Decline
          </button>
        </div>
      )}
      {declining && (
        <form
          className="mt-2 space-y-1"
          onSubmit={async (event) => {
            event.preventDefault();
            setError(await onAnswer("DECLINE", answer));
          }}
        >
          <label className="block text-xs text-slate-600">
            Why does it stay agreed?
            <textarea
              value={answer}
              onChange={(event) => setAnswer(event.target.value)}
              required
              rows={2}
              className="mt-1 block w-full rounded border border-slate-300 px-2 py-1 text-sm"
            />
          </label>
          <button type="submit" className="rounded bg-slate-700 px-2 py-1 text-xs font-medium text-white">
            Decline the request
          </button>
        </form>
      )}
    </li>
  );
}

export function ParagraphStatusPanel({
  clauseId,
  editor,
  provider,
  rights,
  clauseStatus,
}: {
  clauseId: string;
  editor: Editor | null;
  provider: HocuspocusProvider | null;
  rights: ParagraphStatusRights;
  /** The clause's status as a whole, as the live stream last told it. */
  clauseStatus: Status;
}) {
  const paragraphs = useParagraphs(editor);
  const [requests, setRequests] = useState<ReopenRequestView[]>([]);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(async () => {
    const result = await paragraphStatusApi.requests(clauseId);
    if (result.ok) setRequests(result.value.requests);
  }, [clauseId]);
  useEffect(() => {
    void reload();
  }, [reload]);
  useClauseMessages(provider, (message) => {
    if (message.type === "reopen-requests.changed" || message.type === "clause.status-changed") void reload();
  });
  const ask = async (paragraph: number | null, reason: string) => {
    const result = await paragraphStatusApi.request(clauseId, paragraph, reason);
    if (!result.ok) return result.error;
    await reload();
    return null;
  };
  const answer = (id: string) => async (decision: "REOPEN" | "DECLINE", text?: string) => {
    const result = await paragraphStatusApi.answer(clauseId, id, decision, text);
    if (!result.ok) return result.error;
    await reload();
    return null;
  };
  const asked = (paragraph: number | null) => requests.some((r) => r.paragraph === paragraph && r.status === "OPEN");
  if (paragraphs.length === 0 && requests.length === 0 && clauseStatus === "OPEN") return null;
  return (
    <section aria-label="Paragraphs and where they stand" className="rounded-lg border border-slate-200 bg-white p-3">
      <h2 className="text-sm font-semibold text-slate-700">Paragraphs: open or agreed</h2>
      {clauseStatus !== "OPEN" && (
        <div className="mt-1 text-sm text-slate-600">
          <p>
            Article {rights.clauseNumber} is {clauseStatus === "AGREED" ? "agreed" : "agreed ad referendum"} as a whole.
          </p>
          {rights.canRequestReopen && !asked(null) && (
            <AskToReopen label="the article" onAsk={(reason) => ask(null, reason)} />
          )}
        </div>
      )}
      {error && (
        <p role="alert" className="mt-1 text-xs text-red-700">
          {error}
        </p>
      )}
      <ul className="mt-2 space-y-1">
        {paragraphs.map((p) => (
          <li key={p.number} className="text-sm" data-paragraph={p.number}>
            <div className="flex items-center justify-between gap-2">
              <span className="min-w-0 truncate">
                <span className="font-medium">{p.number}.</span> <span className="text-slate-600">{p.words}</span>
              </span>
              {rights.canSetStatus ? (
                <select
                  aria-label={`Where paragraph ${p.number} stands`}
                  value={p.status}
                  className="rounded border border-slate-300 px-1 py-0.5 text-xs"
                  onChange={async (event) => {
                    const result = await paragraphStatusApi.set(clauseId, p.number, event.target.value as Status);
                    setError(result.ok ? null : result.error);
                  }}
                >
                  {(Object.keys(LABELS) as Status[]).map((status) => (
                    <option key={status} value={status}>
                      {LABELS[status]}
                    </option>
                  ))}
                </select>
              ) : (
                <span className="shrink-0 text-xs text-slate-600">{LABELS[p.status]}</span>
              )}
            </div>
            {rights.canRequestReopen && p.status !== "OPEN" && clauseStatus === "OPEN" && !asked(p.number) && (
              <AskToReopen label={`paragraph ${p.number}`} onAsk={(reason) => ask(p.number, reason)} />
            )}
          </li>
        ))}
      </ul>
      {requests.length > 0 && (
        <div className="mt-3">
          <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">
            {rights.canAnswerReopen ? "Requests to reopen" : "Your delegation's requests"}
          </h3>
          <ul className="mt-1 space-y-2">
            {requests.map((request) => (
              <RequestCard
                key={request.id}
                request={request}
                canAnswer={rights.canAnswerReopen}
                onAnswer={answer(request.id)}
              />
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
