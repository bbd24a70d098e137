// How many proposals are open in a clause, for the clause list.
export function OpenProposalsBadge({ count }: { count: number }) {
  if (count === 0) return null;
  return (
    <span
      className="rounded-full bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-900"
      data-testid="open-proposals-count"
    >
      {count} open {count === 1 ? "proposal" : "proposals"}
    </span>
  );
}
