// How many passages of a clause are still in square brackets, for the clause list and header.
export function OpenBracketsBadge({ count }: { count: number }) {
  if (count === 0) return null;
  return (
    <span
      className="rounded-full bg-rose-50 px-2 py-0.5 text-xs font-medium text-rose-900 ring-1 ring-rose-200"
      data-testid="open-brackets-count"
    >
      [{count}] {count === 1 ? "passage" : "passages"} in brackets
    </span>
  );
}
