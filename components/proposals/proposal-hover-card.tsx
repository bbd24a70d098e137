"use client";
// A card over a proposal in the text, drawn in its delegation's colour: who proposed it, for
// which delegation, and when. Read from the proposal's own mark, so it works the moment the
// words arrive, before the server has indexed them.
import { useEffect, useState } from "react";
import { RelativeTime } from "@/components/ui/relative-time";

type Card = {
  top: number;
  left: number;
  kind: "insertion" | "deletion";
  author: string;
  delegation: string;
  colour: string;
  at: string | null;
};

export function ProposalHoverCard({ root }: { root: HTMLElement | null }) {
  const [card, setCard] = useState<Card | null>(null);
  useEffect(() => {
    if (!root) return;
    const show = (event: Event) => {
      const target = (event.target as HTMLElement | null)?.closest<HTMLElement>("ins.proposal, del.proposal");
      if (!target || !root.contains(target)) return setCard(null);
      const box = target.getBoundingClientRect();
      setCard({
        top: box.bottom + 4,
        left: Math.min(box.left, window.innerWidth - 272),
        kind: target.tagName === "INS" ? "insertion" : "deletion",
        author: target.dataset.authorName ?? "Unknown",
        delegation: target.dataset.organizationName ?? target.dataset.organizationCode ?? "",
        colour: target.dataset.colour ?? "#475569",
        at: target.dataset.at ?? null,
      });
    };
    const hide = () => setCard(null);
    root.addEventListener("mouseover", show);
    root.addEventListener("focusin", show);
    root.addEventListener("mouseleave", hide);
    window.addEventListener("scroll", hide, true);
    return () => {
      window.removeEventListener("scroll", hide, true);
      root.removeEventListener("mouseover", show);
      root.removeEventListener("focusin", show);
      root.removeEventListener("mouseleave", hide);
    };
  }, [root]);

  if (!card) return null;
  return (
    <div
      role="tooltip"
      data-testid="proposal-hover-card"
      className="pointer-events-none fixed z-20 w-64 rounded-md border-l-4 bg-white p-2 text-xs shadow-lg ring-1 ring-slate-200"
      style={{ top: card.top, left: card.left, borderLeftColor: card.colour }}
    >
      <p className="font-semibold" style={{ color: card.colour }}>
        {card.delegation}
      </p>
      <p className="text-slate-700">
        {card.author} proposes {card.kind === "insertion" ? "adding these words" : "deleting these words"}
      </p>
      {card.at && (
        <p className="text-slate-500">
          <RelativeTime iso={card.at} className="" />
        </p>
      )}
    </div>
  );
}
