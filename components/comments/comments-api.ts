"use client";
// The browser's side of the comment route handlers. Every call answers a value or the
// server's own clear message; nothing here decides who may do what.
import { callRoute } from "@/components/call-route";
import type { ThreadView } from "@/lib/comments/thread-view";

const call = <T>(method: string, url: string, body?: unknown) =>
  callRoute<T>(method, url, body, "No connection to the server. Your text is kept here; try again.");

const threads = (clauseId: string) => `/api/clauses/${clauseId}/threads`;

export const commentsApi = {
  list: (clauseId: string) => call<ThreadView[]>("GET", threads(clauseId)),
  start: (clauseId: string, input: { body: string; anchor?: { from: string; to: string }; proposalId?: string }) =>
    call<ThreadView>("POST", threads(clauseId), input),
  reply: (clauseId: string, threadId: string, body: string) =>
    call<ThreadView>("POST", `${threads(clauseId)}/${threadId}/comments`, { body }),
  edit: (clauseId: string, threadId: string, commentId: string, body: string) =>
    call<ThreadView>("PATCH", `${threads(clauseId)}/${threadId}/comments/${commentId}`, { body }),
  remove: (clauseId: string, threadId: string, commentId: string) =>
    call<ThreadView>("DELETE", `${threads(clauseId)}/${threadId}/comments/${commentId}`),
  setResolved: (clauseId: string, threadId: string, resolved: boolean) =>
    call<ThreadView>("PATCH", `${threads(clauseId)}/${threadId}`, { resolved }),
};

/** Tells the bell (and anything else listening) that comments changed somewhere. */
export function announceCommentsChanged(): void {
  window.dispatchEvent(new Event("clausework:comments-changed"));
}
