"use client";
// Where delegations stand on a proposal: a tally by stance with their names, and — for
// delegates — buttons to record their own delegation's position. Only positions given on the
// words shown count; those given on an earlier wording are listed apart until re-stated.
import type { ProposalView } from "@/lib/proposals/list-clause-proposals";
import { proposalOf } from "@/lib/wording/delegation-wording";

const STANCES = [
  { stance: "SUPPORTS", label: "Supports" },
  { stance: "OPPOSES", label: "Opposes" },
  { stance: "RESERVES", label: "Reserves" },
] as const;

export type Stance = (typeof STANCES)[number]["stance"];

export function PositionsTally({
  proposal,
  ownDelegationId,
  canTakePosition,
  onTakePosition,
}: {
  proposal: ProposalView;
  ownDelegationId: string;
  canTakePosition: boolean;
  onTakePosition: (stance: Stance) => void;
}) {
  const ownPosition = proposal.positions.find((position) => position.delegation.id === ownDelegationId);
  const own = ownPosition?.current ? ownPosition.stance : undefined;
  const current = proposal.positions.filter((position) => position.current);
  const earlier = proposal.positions.filter((position) => !position.current);
  return (
    <div className="space-y-1.5">
      <dl className="grid grid-cols-[5.5rem_1fr] gap-x-2 gap-y-0.5 text-xs" data-testid="positions-tally">
        {STANCES.map(({ stance, label }) => {
          const delegations = current.filter((position) => position.stance === stance);
          return (
            <div key={stance} className="contents">
              <dt className="text-slate-500">
                {label} ({delegations.length})
              </dt>
              <dd className="text-slate-800">
                {delegations.map((position) => (
                  <abbr key={position.delegation.id} title={position.delegation.name} className="mr-1 no-underline">
                    {position.delegation.code}
                  </abbr>
                ))}
              </dd>
            </div>
          );
        })}
      </dl>
      {earlier.length > 0 && (
        <p className="text-xs text-slate-500" data-testid="earlier-positions">
          Given on an earlier wording, not counted:{" "}
          {earlier.map((position) => (
            <abbr key={position.delegation.id} title={position.delegation.name} className="mr-1 no-underline">
              {position.delegation.code} ({STANCES.find((s) => s.stance === position.stance)?.label.toLowerCase()})
            </abbr>
          ))}
        </p>
      )}
      {canTakePosition && proposal.status === "OPEN" && ownPosition && !ownPosition.current && (
        <p className="text-xs text-amber-800" data-testid="confirm-position">
          The author revised this proposal after your delegation's position: confirm or change it.
        </p>
      )}
      {canTakePosition && proposal.status === "OPEN" && (
        <fieldset className="flex flex-wrap items-center gap-1">
          <legend className="sr-only">Your delegation's position</legend>
          {STANCES.map(({ stance, label }) => (
            <button
              key={stance}
              type="button"
              aria-pressed={own === stance}
              aria-label={`${label} ${proposalOf(proposal.delegation.name, proposal.insertedText || proposal.deletedText)}`}
              onClick={() => onTakePosition(stance)}
              className={`rounded border px-2 py-0.5 text-xs focus-visible:outline-2 focus-visible:outline-un ${
                own === stance ? "border-un bg-un text-white" : "border-slate-300 text-slate-700 hover:bg-slate-100"
              }`}
            >
              {label}
            </button>
          ))}
        </fieldset>
      )}
    </div>
  );
}
