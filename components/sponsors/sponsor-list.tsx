// A proposal's sponsors as a card or the compilation shows them: the author's delegation first,
// then each invited delegation with its answer — apart from the supporters (positions).
import type { SponsorView } from "@/lib/sponsors/sponsors-view";

const STATUS_WORDS = { INVITED: "invited", DECLINED: "declined" } as const;

export function SponsorList({
  author,
  sponsors,
  onBehalfOf,
}: {
  author: { name: string; colour: string };
  sponsors: readonly SponsorView[];
  onBehalfOf: string | null;
}) {
  return (
    <p className="text-xs text-slate-700" data-testid="proposal-sponsors">
      <span className="text-slate-500">Sponsors: </span>
      <span className="font-medium" style={{ color: author.colour }}>
        {author.name}
      </span>
      {sponsors.map((sponsor) => (
        <span
          key={sponsor.delegation.id}
          data-testid="sponsor"
          data-status={sponsor.status}
          data-current={sponsor.current}
        >
          {", "}
          <span className={sponsor.status === "ACCEPTED" && sponsor.current ? "font-medium" : "text-slate-500"}>
            {sponsor.delegation.name}
          </span>
          {sponsor.status === "ACCEPTED" && !sponsor.current && (
            <span className="text-slate-500"> (accepted an earlier wording, asked to confirm)</span>
          )}
          {sponsor.status !== "ACCEPTED" && <span className="text-slate-500"> ({STATUS_WORDS[sponsor.status]})</span>}
        </span>
      ))}
      {onBehalfOf && (
        <span data-testid="on-behalf-of">
          {" "}
          <span className="text-slate-500">on behalf of</span> {onBehalfOf}
        </span>
      )}
    </p>
  );
}
