"use client";
import type { ReactNode } from "react";
import { RelativeTime } from "@/components/ui/relative-time";
// One proposal in the panel: its words in context, who proposed it for which delegation and
// when, where delegations stand, the chair's controls, and its history of decisions.
import type { ProposalView } from "@/lib/proposals/list-clause-proposals";
import { DecisionControls } from "./lazy-decision-controls";
import { PositionsTally, type Stance } from "./positions-tally";
import { ProposalWords } from "./proposal-words";

const KIND_LABELS = { INSERTION: "Insertion", DELETION: "Deletion", REPLACEMENT: "Replacement" } as const;
const STATUS_LABELS = { OPEN: "Open", ACCEPTED: "Accepted", REJECTED: "Rejected", WITHDRAWN: "Withdrawn" } as const;

export function ProposalCard({
  proposal,
  organizationId,
  canComment,
  busy,
  onJump,
  onDecide,
  onWithdraw,
  onTakePosition,
  onDiscuss,
  children,
}: {
  proposal: ProposalView;
  organizationId: string;
  canComment: boolean;
  busy: boolean;
  onJump: () => void;
  onDecide: (outcome: "ACCEPTED" | "REJECTED", reason: string) => void;
  onWithdraw: () => void;
  onTakePosition: (stance: Stance) => void;
  onDiscuss: () => void;
  /** More about the proposal, below its words: its sponsors (components/sponsors). */
  children?: ReactNode;
}) {
  const open = proposal.status === "OPEN";
  const { discussion } = proposal;
  return (
    <article
      aria-label={`${KIND_LABELS[proposal.kind]} proposed by ${proposal.delegation.name}`}
      className="space-y-2 rounded-md border border-slate-200 border-l-4 bg-white p-3"
      style={{ borderLeftColor: proposal.delegation.colour }}
      data-testid="proposal"
      data-proposal-id={proposal.id}
      data-status={proposal.status}
    >
      <div className="flex items-start justify-between gap-2 text-xs">
        <p>
          <span className="font-semibold" style={{ color: proposal.delegation.colour }}>
            {proposal.delegation.name}
          </span>{" "}
          <span className="text-slate-600">· {proposal.author.name}</span>
        </p>
        <RelativeTime iso={proposal.proposedAt} className="shrink-0 text-slate-500" />
      </div>
      <button
        type="button"
        onClick={onJump}
        disabled={!open}
        className="block w-full rounded text-left hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-un disabled:cursor-default"
        title={open ? "Show in the text" : undefined}
      >
        <span className="sr-only">
          {KIND_LABELS[proposal.kind]} proposed by {proposal.delegation.name}:{" "}
        </span>
        <ProposalWords
          contextBefore={proposal.contextBefore}
          contextAfter={proposal.contextAfter}
          deletedText={proposal.deletedText}
          insertedText={proposal.insertedText}
          colour={proposal.delegation.colour}
        />
      </button>
      {proposal.citation && (
        <p className="text-xs font-medium text-slate-700" data-testid="proposal-citation">
          {proposal.citation.label}
        </p>
      )}
      <p className="text-xs text-slate-500">
        {KIND_LABELS[proposal.kind]} · <span data-testid="proposal-status">{STATUS_LABELS[proposal.status]}</span>
      </p>
      {children}
      <PositionsTally
        proposal={proposal}
        ownDelegationId={organizationId}
        canTakePosition={proposal.mayTakePosition}
        onTakePosition={onTakePosition}
      />
      <div className="flex flex-wrap gap-x-4 gap-y-1">
        {(discussion || (open && canComment)) && (
          <button
            type="button"
            onClick={onDiscuss}
            className="text-xs font-medium text-slate-700 underline hover:text-slate-900"
            data-testid="discuss-proposal"
          >
            {discussion
              ? `Discussion (${discussion.comments} ${discussion.comments === 1 ? "comment" : "comments"}${discussion.resolved ? ", resolved" : ""})`
              : "Discuss"}
          </button>
        )}
        {proposal.mayWithdraw && (
          <button
            type="button"
            onClick={onWithdraw}
            disabled={busy}
            className="text-xs text-slate-600 underline hover:text-slate-900"
          >
            Withdraw my proposal
          </button>
        )}
      </div>
      {proposal.mayDecide && <DecisionControls label="this proposal" busy={busy} onDecide={onDecide} />}
      {proposal.decisions.length > 0 && (
        <ol className="space-y-1 border-t border-slate-100 pt-2 text-xs text-slate-600" aria-label="History">
          {proposal.decisions.map((decision) => (
            <li key={decision.id} data-testid="proposal-decision">
              <span className="font-medium">{STATUS_LABELS[decision.outcome]}</span> by {decision.decidedBy}{" "}
              <RelativeTime iso={decision.at} className="" />
              {decision.reason && <span> — “{decision.reason}”</span>}
              {decision.undone ? (
                <span className="block text-slate-500" data-testid="decision-undone">
                  Undone by {decision.undone.by} <RelativeTime iso={decision.undone.at} className="" />
                </span>
              ) : (
                <span className="block text-slate-500">Now reads: …{decision.resultingText}…</span>
              )}
            </li>
          ))}
        </ol>
      )}
    </article>
  );
}
