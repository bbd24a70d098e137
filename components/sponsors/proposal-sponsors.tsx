"use client";
// The sponsors part of a proposal's card: who sponsors it, and — from what the server says this
// viewer may do — the invited delegation's answer, or the author's delegation's invitations and
// "on behalf of". Every action goes through the panel's `act`, which reloads the proposals after.
import { useState } from "react";
import type { ApiResult } from "@/components/call-route";
import type { ProposalView } from "@/lib/proposals/list-clause-proposals";
import type { SponsorCandidate } from "@/lib/sponsors/sponsor-candidates";
import { SponsorList } from "./sponsor-list";
import { sponsorsApi } from "./sponsors-api";

type Act = (run: () => Promise<ApiResult<unknown>>) => Promise<void>;

export function ProposalSponsors({
  clauseId,
  proposal,
  organizationId,
  busy,
  act,
}: {
  clauseId: string;
  proposal: ProposalView & { indexed?: boolean };
  organizationId: string;
  busy: boolean;
  act: Act;
}) {
  const sponsorship = proposal.sponsorship;
  if (!sponsorship) return null;
  const own = sponsorship.sponsors.find((s) => s.delegation.id === organizationId);
  const pinned = proposal.indexed !== false && proposal.fingerprint !== "";
  const answer = (choice: "ACCEPT" | "DECLINE") => act(() => sponsorsApi.answer(clauseId, proposal, choice));
  return (
    <div className="space-y-1">
      <SponsorList author={proposal.delegation} sponsors={sponsorship.sponsors} onBehalfOf={sponsorship.onBehalfOf} />
      {sponsorship.mayAnswerSponsorship && own && pinned && (
        <fieldset className="flex flex-wrap items-center gap-1 text-xs" data-testid="sponsorship-answer">
          <legend className="sr-only">Your delegation's sponsorship</legend>
          <span className="text-slate-600">
            {own.status === "INVITED"
              ? "Your delegation is invited to co-sponsor this proposal."
              : own.status === "ACCEPTED" && !own.current
                ? "Revised since your delegation co-sponsored it: confirm or withdraw."
                : own.status === "ACCEPTED"
                  ? "Your delegation co-sponsors this proposal."
                  : "Your delegation declined to co-sponsor this proposal."}
          </span>
          {!(own.status === "ACCEPTED" && own.current) && (
            <button
              type="button"
              disabled={busy}
              onClick={() => answer("ACCEPT")}
              className="rounded border border-un px-2 py-0.5 text-un hover:bg-sky-50"
            >
              {own.status === "ACCEPTED" ? "Confirm" : "Co-sponsor"}
            </button>
          )}
          {own.status !== "DECLINED" && (
            <button
              type="button"
              disabled={busy}
              onClick={() => answer("DECLINE")}
              className="rounded border border-slate-300 px-2 py-0.5 text-slate-700 hover:bg-slate-100"
            >
              {own.status === "ACCEPTED" ? "Withdraw sponsorship" : "Decline"}
            </button>
          )}
        </fieldset>
      )}
      {sponsorship.mayInviteSponsors && (
        <InviteSponsors
          clauseId={clauseId}
          proposalId={proposal.id}
          onBehalfOf={sponsorship.onBehalfOf}
          busy={busy}
          act={act}
        />
      )}
    </div>
  );
}

function InviteSponsors({
  clauseId,
  proposalId,
  onBehalfOf,
  busy,
  act,
}: {
  clauseId: string;
  proposalId: string;
  onBehalfOf: string | null;
  busy: boolean;
  act: Act;
}) {
  const [open, setOpen] = useState(false);
  const [candidates, setCandidates] = useState<SponsorCandidate[] | null>(null);
  const [chosen, setChosen] = useState("");
  const [group, setGroup] = useState(onBehalfOf ?? "");
  const [error, setError] = useState<string | null>(null);

  async function load() {
    const result = await sponsorsApi.candidates(clauseId, proposalId);
    if (result.ok) {
      setCandidates(result.value);
      setChosen(result.value[0]?.id ?? "");
    } else setError(result.error);
  }

  if (!open)
    return (
      <button
        type="button"
        className="text-xs font-medium text-slate-700 underline hover:text-slate-900"
        onClick={() => {
          setOpen(true);
          void load();
        }}
      >
        Co-sponsors…
      </button>
    );
  return (
    <div className="space-y-1.5 rounded border border-slate-200 bg-slate-50 p-2 text-xs" data-testid="invite-sponsors">
      {error && <p role="alert">{error}</p>}
      <form
        className="flex flex-wrap items-end gap-1"
        onSubmit={(event) => {
          event.preventDefault();
          if (!chosen) return;
          void act(() => sponsorsApi.invite(clauseId, proposalId, chosen)).then(load);
        }}
      >
        <label className="flex flex-col">
          <span className="text-slate-500">Invite a delegation to co-sponsor</span>
          <select
            value={chosen}
            onChange={(event) => setChosen(event.target.value)}
            className="rounded border border-slate-300 bg-white px-1 py-0.5"
            disabled={!candidates || candidates.length === 0}
          >
            {candidates?.length === 0 && <option value="">No other delegation to invite</option>}
            {candidates?.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {candidate.name}
              </option>
            ))}
          </select>
        </label>
        <button
          type="submit"
          disabled={busy || !chosen}
          className="rounded border border-un px-2 py-0.5 font-medium text-un hover:bg-sky-50"
        >
          Invite
        </button>
      </form>
      <form
        className="flex flex-wrap items-end gap-1"
        onSubmit={(event) => {
          event.preventDefault();
          void act(() => sponsorsApi.nameGroup(clauseId, proposalId, group));
        }}
      >
        <label className="flex flex-col">
          <span className="text-slate-500">On behalf of (a group, optional)</span>
          <input
            value={group}
            maxLength={80}
            onChange={(event) => setGroup(event.target.value)}
            placeholder="e.g. CARICOM"
            className="rounded border border-slate-300 bg-white px-1 py-0.5"
          />
        </label>
        <button
          type="submit"
          disabled={busy}
          className="rounded border border-slate-300 px-2 py-0.5 text-slate-700 hover:bg-slate-100"
        >
          Save
        </button>
      </form>
      <button type="button" className="text-slate-600 underline" onClick={() => setOpen(false)}>
        Close
      </button>
    </div>
  );
}
