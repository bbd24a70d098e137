"use client";
// The browser's side of the paragraph-status route handlers.
import { callRoute } from "@/components/call-route";
import type { ReopenRequestView } from "@/lib/paragraph-status/reopen-requests";

const call = <T>(method: string, url: string, body?: unknown) =>
  callRoute<T>(method, url, body, "No connection to the server. Nothing was changed; try again.");

export type Status = "OPEN" | "AGREED_AD_REF" | "AGREED";

export const paragraphStatusApi = {
  set: (clauseId: string, paragraph: number, status: Status) =>
    call<{ changed: boolean }>("PUT", `/api/clauses/${clauseId}/paragraphs/${paragraph}/status`, { status }),
  requests: (clauseId: string) =>
    call<{ requests: ReopenRequestView[] }>("GET", `/api/clauses/${clauseId}/reopen-requests`),
  request: (clauseId: string, paragraph: number | null, reason: string) =>
    call<{ requestId: string }>("POST", `/api/clauses/${clauseId}/reopen-requests`, { paragraph, reason }),
  answer: (clauseId: string, requestId: string, decision: "REOPEN" | "DECLINE", answer?: string) =>
    call<{ status: string }>("POST", `/api/clauses/${clauseId}/reopen-requests/${requestId}`, { decision, answer }),
};
