// Delegations × proposals: each delegation's part in each open proposal — author, co-sponsor,
// supports, opposes, reserves, or nothing said yet. Codes in the cells, the key below.
import type { ClauseCompilation, PositionCell } from "@/lib/compilation/compilation";

const CELL: Record<Exclude<PositionCell, null>, { short: string; long: string }> = {
  AUTHOR: { short: "A", long: "Author" },
  SPONSOR: { short: "C", long: "Co-sponsor" },
  SUPPORTS: { short: "S", long: "Supports" },
  OPPOSES: { short: "O", long: "Opposes" },
  RESERVES: { short: "R", long: "Reserves" },
};

export function PositionsTable({ compilation }: { compilation: ClauseCompilation }) {
  const { proposals, positions } = compilation;
  if (proposals.length === 0) return <p className="text-sm text-slate-500">No open proposals to take positions on.</p>;
  return (
    <div className="overflow-x-auto print:overflow-visible">
      <table className="border-collapse text-xs" data-testid="positions-table">
        <caption className="sr-only">
          Where each delegation stands on each open proposal of article {compilation.clause.number}
        </caption>
        <thead>
          <tr>
            <th scope="col" className="border border-slate-300 px-2 py-1 text-left">
              Delegation
            </th>
            {proposals.map((proposal) => (
              <th
                key={proposal.id}
                scope="col"
                className="border border-slate-300 px-2 py-1"
                title={`${proposal.label}: ${proposal.sponsorLine}`}
              >
                {proposal.label}
                <span className="block font-normal text-slate-500">{proposal.delegation.code}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {positions.delegations.map((delegation, row) => (
            <tr key={delegation.id} data-delegation={delegation.code}>
              <th scope="row" className="border border-slate-300 px-2 py-1 text-left font-normal">
                {delegation.name}
              </th>
              {proposals.map((proposal, column) => {
                const cell = positions.cells[row][column];
                return (
                  <td
                    key={proposal.id}
                    className="border border-slate-300 px-2 py-1 text-center"
                    data-cell={cell ?? ""}
                    title={cell ? CELL[cell].long : "No position"}
                  >
                    {cell ? CELL[cell].short : ""}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="mt-1 text-xs text-slate-500">
        {Object.values(CELL)
          .map((c) => `${c.short} ${c.long.toLowerCase()}`)
          .join(" · ")}
        ; empty: no position stated on these words.
      </p>
    </div>
  );
}
