// How many sets of alternatives of a clause are still open, for the clause list and header.
export function OpenAlternativesBadge({ count }: { count: number }) {
  if (count === 0) return null;
  return (
    <span
      className="rounded-full bg-violet-50 px-2 py-0.5 text-xs font-medium text-violet-900 ring-1 ring-violet-200"
      data-testid="open-alternatives-count"
    >
      {count} {count === 1 ? "set" : "sets"} of alternatives
    </span>
  );
}
