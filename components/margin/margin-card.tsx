"use client";
// One card in the margin: beside the text it is placed level with its words (aligned-margin.tsx
// reads these data attributes); the active one is raised and moved toward the text. Clicking or
// tabbing into a card makes it active.
import type { ReactNode } from "react";
import { useMargin } from "./margin-context";

export function MarginCard({
  cardKey,
  words,
  place,
  rank,
  aligned,
  children,
}: {
  cardKey: string;
  /** Selector of its words in the clause text (null: the whole clause, or words that are gone). */
  words: string | null;
  place: "top" | "words" | "end";
  rank: number;
  aligned: boolean;
  children: ReactNode;
}) {
  const { active, activate } = useMargin();
  const isActive = active === cardKey;
  return (
    <li
      data-margin-card
      data-key={cardKey}
      data-words={words ?? undefined}
      data-place={place}
      data-rank={rank}
      data-active={isActive ? "true" : "false"}
      onClickCapture={() => {
        if (!isActive) activate(cardKey);
      }}
      onFocusCapture={(event) => {
        // From the keyboard only: a press of the mouse focuses a button before it clicks it, and
        // the card moving to its words meanwhile would take the button from under the pointer.
        if (!isActive && (event.target as HTMLElement).matches(":focus-visible")) activate(cardKey);
      }}
      className={`rounded-lg ${
        aligned ? "absolute inset-x-0 transition-[top,translate] duration-150 motion-reduce:transition-none" : ""
      } ${isActive ? `z-10 shadow-lg ring-2 ring-amber-400 ${aligned ? "-translate-x-3" : ""}` : ""}`}
    >
      {children}
    </li>
  );
}
