// How many comment threads are open on a clause, for the clause list.
import { CommentIcon } from "./comment-icon";

export function OpenThreadCount({ count }: { count: number }) {
  const label = count === 1 ? "1 open comment thread" : `${count} open comment threads`;
  return (
    <span
      title={label}
      data-testid="open-thread-count"
      className={`inline-flex shrink-0 items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${
        count > 0 ? "bg-yellow-50 text-yellow-900 ring-yellow-300" : "text-slate-400 ring-slate-200"
      }`}
    >
      <CommentIcon />
      <span aria-hidden>{count}</span>
      <span className="sr-only">{label}</span>
    </span>
  );
}
