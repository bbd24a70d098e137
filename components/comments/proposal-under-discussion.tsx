// The head of a thread that discusses a proposal: whose proposal, its words, and — once the
// chair has decided or its author withdrew it — what became of it, with the chair's reason.
import { ProposalWords } from "@/components/proposals/proposal-words";
import type { ProposalSummary } from "@/lib/comments/proposal-summary";

const OUTCOME = { ACCEPTED: "Accepted", REJECTED: "Rejected", WITHDRAWN: "Withdrawn" } as const;

/** "Accepted by the chair: <reason>", "Rejected by the chair.", "Withdrawn". */
export function outcomeLine(proposal: Pick<ProposalSummary, "status" | "decision">): string | null {
  if (proposal.status === "OPEN") return null;
  if (proposal.status === "WITHDRAWN") return "Withdrawn";
  const reason = proposal.decision?.reason;
  return `${OUTCOME[proposal.status]} by the chair${reason ? `: ${reason}` : "."}`;
}

export function ProposalUnderDiscussion({ proposal }: { proposal: ProposalSummary }) {
  const outcome = outcomeLine(proposal);
  return (
    <div className="min-w-0 space-y-1" data-testid="thread-proposal">
      <p className="text-xs font-medium text-slate-500">
        On the proposal (<span style={{ color: proposal.delegation.colour }}>{proposal.delegation.name}</span>)
      </p>
      {outcome && (
        <p
          className={`rounded px-1.5 py-0.5 text-xs font-medium ${proposal.status === "ACCEPTED" ? "bg-emerald-50 text-emerald-900" : proposal.status === "REJECTED" ? "bg-rose-50 text-rose-900" : "bg-slate-100 text-slate-700"}`}
          data-testid="thread-outcome"
        >
          {outcome}
        </p>
      )}
      <div className="border-l-2 pl-2" style={{ borderLeftColor: proposal.delegation.colour }}>
        <ProposalWords
          contextBefore=""
          contextAfter=""
          deletedText={proposal.deletedText}
          insertedText={proposal.insertedText}
          colour={proposal.delegation.colour}
        />
      </div>
    </div>
  );
}
