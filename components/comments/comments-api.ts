"use client";
// The browser's side of the comment route handlers. Every call answers a value or the
// server's own clear message; nothing here decides who may do what.
import type { ThreadView } from "@/lib/comments/thread-view";

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: string };

async function call<T>(method: string, url: string, body?: unknown): Promise<ApiResult<T>> {
  try {
    const response = await fetch(url, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const data = await response.json().catch(() => null);
    if (response.ok) return { ok: true, value: data as T };
    return { ok: false, error: (data as { error?: string } | null)?.error ?? "The server refused this." };
  } catch {
    return { ok: false, error: "No connection to the server. Your text is kept here; try again." };
  }
}

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
