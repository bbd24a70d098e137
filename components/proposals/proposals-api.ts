"use client";
// The browser's side of the proposal route handlers (list, decide, take a position).
import { callRoute } from "@/components/call-route";
import type { DecisionScope } from "@/lib/proposals/decide-proposals";
import type { ProposalView } from "@/lib/proposals/list-clause-proposals";

const call = <T>(method: string, url: string, body?: unknown) =>
  callRoute<T>(method, url, body, "No connection to the server. Nothing was changed; try again.");

const proposals = (clauseId: string) => `/api/clauses/${clauseId}/proposals`;

export const proposalsApi = {
  list: (clauseId: string) => call<ProposalView[]>("GET", proposals(clauseId)),
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
  ) => call<{ decided: string[] }>("POST", `${proposals(clauseId)}/decisions`, input),
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
