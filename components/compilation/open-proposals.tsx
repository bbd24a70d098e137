// Every open proposal of the article, in the order of the text: its words in context, its
// sponsors (the author's delegation first), and who supports, opposes or reserves on it.
import { ProposalWords } from "@/components/proposals/proposal-words";
import type { ClauseCompilation, CompiledDelegation } from "@/lib/compilation/compilation";

const KIND = { INSERTION: "Insertion", DELETION: "Deletion", REPLACEMENT: "Replacement" } as const;

function Names({ label, delegations }: { label: string; delegations: readonly CompiledDelegation[] }) {
  return (
    <div className="contents">
      <dt className="text-slate-500">{label}</dt>
      <dd data-testid={`compiled-${label.toLowerCase()}`}>
        {delegations.length === 0 ? "—" : delegations.map((d) => d.name).join(", ")}
      </dd>
    </div>
  );
}

export function OpenProposals({ compilation }: { compilation: ClauseCompilation }) {
  if (compilation.proposals.length === 0)
    return <p className="text-sm text-slate-500">No open proposals on this article.</p>;
  return (
    <ol className="space-y-3">
      {compilation.proposals.map((proposal) => {
        const invited = proposal.sponsors.filter(
          (s) => s.status === "INVITED" || (s.status === "ACCEPTED" && !s.current),
        );
        return (
          <li
            key={proposal.id}
            className="break-inside-avoid rounded border border-slate-200 border-l-4 bg-white p-3 print:border-slate-400"
            style={{ borderLeftColor: proposal.delegation.colour }}
            data-testid="compiled-proposal"
            data-proposal-id={proposal.id}
          >
            <p className="text-sm">
              <span className="font-semibold">{proposal.label}</span> · {KIND[proposal.kind]} proposed by{" "}
              <span className="font-medium" data-testid="compiled-sponsors">
                {proposal.sponsorLine}
              </span>
            </p>
            <ProposalWords
              contextBefore={proposal.contextBefore}
              contextAfter={proposal.contextAfter}
              deletedText={proposal.deletedText}
              insertedText={proposal.insertedText}
              colour={proposal.delegation.colour}
            />
            <dl className="mt-2 grid grid-cols-[7rem_1fr] gap-x-2 gap-y-0.5 text-xs">
              <Names label="Supporters" delegations={proposal.supporters} />
              <Names label="Objectors" delegations={proposal.objectors} />
              <Names label="Reservations" delegations={proposal.reservations} />
            </dl>
            {invited.length > 0 && (
              <p className="mt-1 text-xs text-slate-500">
                Invited to co-sponsor, not yet confirmed: {invited.map((s) => s.delegation.name).join(", ")}
              </p>
            )}
            {proposal.earlier.length > 0 && (
              <p className="mt-1 text-xs text-slate-500">
                Positions on an earlier wording, not counted:{" "}
                {proposal.earlier.map((d) => `${d.name} (${d.stance.toLowerCase()})`).join(", ")}
              </p>
            )}
          </li>
        );
      })}
    </ol>
  );
}
