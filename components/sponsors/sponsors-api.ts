"use client";
// The browser's side of the co-sponsor route handlers (lib/sponsors): whom to invite, invite,
// answer an invitation, and name the group a proposal speaks for.
import { callRoute } from "@/components/call-route";
import type { SponsorCandidate } from "@/lib/sponsors/sponsor-candidates";

const call = <T>(method: string, url: string, body?: unknown) =>
  callRoute<T>(method, url, body, "No connection to the server. Nothing was changed; try again.");

const proposal = (clauseId: string, proposalId: string) => `/api/clauses/${clauseId}/proposals/${proposalId}`;

export const sponsorsApi = {
  candidates: (clauseId: string, proposalId: string) =>
    call<SponsorCandidate[]>("GET", `${proposal(clauseId, proposalId)}/sponsors`),
  invite: (clauseId: string, proposalId: string, organizationId: string) =>
    call<{ status: string }>("POST", `${proposal(clauseId, proposalId)}/sponsors`, { organizationId }),
  answer: (clauseId: string, shown: { id: string; fingerprint: string }, answer: "ACCEPT" | "DECLINE") =>
    call<{ status: string }>("PUT", `${proposal(clauseId, shown.id)}/sponsorship`, {
      answer,
      fingerprint: shown.fingerprint,
    }),
  nameGroup: (clauseId: string, proposalId: string, onBehalfOf: string) =>
    call<{ onBehalfOf: string | null }>("PUT", `${proposal(clauseId, proposalId)}/on-behalf-of`, { onBehalfOf }),
};
