"use client";
// The browser's side of the bracket route handlers: place a bracket, remove one (the chair).
import { callRoute } from "@/components/call-route";

const call = <T>(method: string, url: string, body?: unknown) =>
  callRoute<T>(method, url, body, "No connection to the server. Nothing was changed; try again.");

export const bracketsApi = {
  place: (clauseId: string, input: { from: string; to: string; note?: string }) =>
    call<{ bracketId: string; quote: string }>("POST", `/api/clauses/${clauseId}/brackets`, input),
  remove: (clauseId: string, bracketId: string) =>
    call<{ bracketId: string }>("DELETE", `/api/clauses/${clauseId}/brackets/${bracketId}`, {}),
};
