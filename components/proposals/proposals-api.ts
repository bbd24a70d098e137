"use client";
// The browser's side of the proposal route handlers (list, decide, undo a decision, take a position).
import { callRoute } from "@/components/call-route";
import type { DecisionScope } from "@/lib/proposals/decide-proposals";
import type { ProposalView } from "@/lib/proposals/list-clause-proposals";

const call = <T>(method: string, url: string, body?: unknown) =>
  callRoute<T>(method, url, body, "No connection to the server. Nothing was changed; try again.");

const proposals = (clauseId: string) => `/api/clauses/${clauseId}/proposals`;

export const proposalsApi = {
  // Asked again in the background while words are being recorded: offline, nothing was attempted.
  list: (clauseId: string) =>
    callRoute<ProposalView[]>(
      "GET",
      proposals(clauseId),
      undefined,
      "No connection to the server: the list of proposals may not be up to date.",
    ),
  decide: (
    clauseId: string,
    input: {
      scope: DecisionScope;
      outcome: "ACCEPTED" | "REJECTED";
      reason: string | undefined;
      /** The words the panel showed: one proposal's fingerprint, or each shown proposal's by id. */
      fingerprint?: string;
      fingerprints?: Record<string, string>;
    },
  ) => call<{ decided: string[]; decisionId: string }>("POST", `${proposals(clauseId)}/decisions`, input),
  /** Takes a decision back (within the server's window; the page offers it for 30 s). */
  undo: (clauseId: string, decisionId: string) =>
    call<{ restored: string[] }>("POST", `${proposals(clauseId)}/decisions/${decisionId}/undo`, {}),
  takePosition: (
    clauseId: string,
    proposal: { id: string; fingerprint: string },
    stance: "SUPPORTS" | "OPPOSES" | "RESERVES",
  ) =>
    call<{ stance: string }>("PUT", `${proposals(clauseId)}/${proposal.id}/position`, {
      stance,
      fingerprint: proposal.fingerprint,
    }),
};
