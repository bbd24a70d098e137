"use client";
// The browser's side of the alternatives route handlers.
import { callRoute } from "@/components/call-route";
import type { AlternativeSetView } from "@/lib/alternatives/alternative-sets";

const call = <T>(method: string, url: string, body?: unknown) =>
  callRoute<T>(method, url, body, "No connection to the server. Nothing was changed; try again.");

const base = (clauseId: string) => `/api/clauses/${clauseId}/alternatives`;

export const alternativesApi = {
  list: (clauseId: string) => call<{ sets: AlternativeSetView[] }>("GET", base(clauseId)),
  create: (clauseId: string, input: { from: string; to: string; wording: string }) =>
    call<{ setId: string }>("POST", base(clauseId), input),
  add: (clauseId: string, setId: string, wording: string) =>
    call<{ position: number }>("POST", `${base(clauseId)}/${setId}/options`, { wording }),
  support: (clauseId: string, setId: string, optionId: string | null) =>
    call<{ supported: number | null }>("PUT", `${base(clauseId)}/${setId}/support`, { optionId }),
  choose: (clauseId: string, setId: string, optionId: string) =>
    call<{ chosen: number }>("POST", `${base(clauseId)}/${setId}/choice`, { optionId }),
};
