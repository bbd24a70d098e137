// The article's square-bracketed passages: words not yet agreed, each with the delegation that
// bracketed them, who did, when and why — the reservations the chair still has to resolve.
import type { ClauseCompilation } from "@/lib/compilation/compilation";

const day = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

export function BracketedPassages({ compilation }: { compilation: ClauseCompilation }) {
  if (compilation.brackets.length === 0)
    return <p className="text-sm text-slate-500">No words of this article are in square brackets.</p>;
  return (
    <ol className="space-y-1 text-sm" data-testid="compiled-brackets">
      {compilation.brackets.map((bracket) => (
        <li key={bracket.id}>
          <span className="font-serif">[{bracket.words}]</span>{" "}
          <span className="font-semibold">{bracket.delegationCode}</span>
          <span className="text-slate-600">
            {" "}
            — {bracket.person}, {day.format(new Date(bracket.at))}
            {bracket.note ? `: “${bracket.note}”` : ""}
          </span>
        </li>
      ))}
    </ol>
  );
}
