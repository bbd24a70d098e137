// The head of a thread that discusses a proposal: whose proposal, its words, and — once the
// chair has decided or its author withdrew it — what became of it.
import { ProposalWords } from "@/components/proposals/proposal-words";
import type { ProposalSummary } from "@/lib/comments/proposal-summary";

const OUTCOME = { ACCEPTED: "Accepted", REJECTED: "Rejected", WITHDRAWN: "Withdrawn" } as const;

export function ProposalUnderDiscussion({ proposal }: { proposal: ProposalSummary }) {
  return (
    <div className="min-w-0 space-y-1" data-testid="thread-proposal">
      <p className="text-xs font-medium text-slate-500">
        On the proposal (<span style={{ color: proposal.delegation.colour }}>{proposal.delegation.name}</span>)
        {proposal.status !== "OPEN" && (
          <span className="ml-1 rounded bg-slate-100 px-1 text-slate-600"> · {OUTCOME[proposal.status]}</span>
        )}
      </p>
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
