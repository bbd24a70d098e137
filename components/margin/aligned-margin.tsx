"use client";
// The margin beside the text: the proposals' and the threads' lists, whose cards are placed
// level with their words (lib/margin/layout-margin.ts) — measured again when the text changes,
// the window or the text is resized, cards come and go, and when a card grows (a reply, an
// open composer). A thin line joins the active card to the line of its words.
import type { Editor } from "@tiptap/core";
import { useEffect, useState } from "react";
import { layoutMargin, type MarginCard } from "@/lib/margin/layout-margin";
import { useMargin } from "./margin-context";

function place(area: HTMLElement, text: HTMLElement, connector: HTMLElement) {
  const origin = area.getBoundingClientRect().top;
  const elements = [...area.querySelectorAll<HTMLElement>("[data-margin-card]")];
  const cards: MarginCard[] = elements.map((element) => {
    const selector = element.dataset.words;
    const words = selector ? text.querySelector(selector) : null;
    return {
      key: element.dataset.key ?? "",
      place: (element.dataset.place as MarginCard["place"]) ?? "end",
      wish: words ? words.getBoundingClientRect().top - origin : null,
      rank: Number(element.dataset.rank ?? 0),
      height: element.offsetHeight,
    };
  });
  const activeIndex = elements.findIndex((element) => element.dataset.active === "true");
  const { tops, height } = layoutMargin(cards, cards[activeIndex]?.key ?? null);
  elements.forEach((element, i) => {
    const top = `${tops.get(cards[i].key) ?? 0}px`;
    if (element.style.top !== top) element.style.top = top;
  });
  area.style.minHeight = `${height + 16}px`;
  const active = cards[activeIndex];
  const aligned = active?.wish != null && tops.get(active.key) === active.wish;
  connector.hidden = !aligned;
  if (aligned) connector.style.top = `${(active.wish as number) + 10}px`;
}

export function AlignedMargin({ editor }: { editor: Editor | null }) {
  const { setMarginLists, view, wide, active } = useMargin();
  const [area, setArea] = useState<HTMLDivElement | null>(null);
  const [connector, setConnector] = useState<HTMLDivElement | null>(null);
  const [proposals, setProposals] = useState<HTMLOListElement | null>(null);
  const [threads, setThreads] = useState<HTMLOListElement | null>(null);
  const aligned = wide && view === "margin";

  useEffect(() => setMarginLists({ proposals, threads }), [proposals, threads, setMarginLists]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new active card is placed again
  useEffect(() => {
    if (!area || !connector || !editor || !aligned) return;
    const text = editor.view.dom as HTMLElement;
    let frame = 0;
    const now = () => {
      if (frame) cancelAnimationFrame(frame);
      frame = 0;
      place(area, text, connector);
    };
    const soon = () => {
      if (!frame) frame = requestAnimationFrame(now);
    };
    const sizes = new ResizeObserver(soon);
    const watch = () => {
      sizes.observe(text);
      for (const card of area.querySelectorAll("[data-margin-card]")) sizes.observe(card);
    };
    // Cards added or removed, or their words changed: placed before the next paint.
    const cards = new MutationObserver(() => {
      watch();
      now();
    });
    cards.observe(area, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ["data-words", "data-place", "data-active"],
    });
    watch();
    now();
    editor.on("transaction", soon);
    window.addEventListener("resize", soon);
    void document.fonts?.ready.then(soon);
    return () => {
      if (frame) cancelAnimationFrame(frame);
      sizes.disconnect();
      cards.disconnect();
      editor.off("transaction", soon);
      window.removeEventListener("resize", soon);
      area.style.minHeight = "";
      for (const card of area.querySelectorAll<HTMLElement>("[data-margin-card]")) card.style.top = "";
    };
  }, [area, connector, editor, aligned, active]);

  return (
    <div
      ref={setArea}
      className={aligned ? "relative" : "space-y-3"}
      data-testid="margin"
      data-view={aligned ? "aligned" : view === "list" ? "list" : "hidden"}
      hidden={!aligned && view !== "list"}
    >
      <div
        ref={setConnector}
        aria-hidden
        hidden
        className="pointer-events-none absolute -left-6 h-0.5 w-6 bg-amber-400"
        data-testid="margin-connector"
      />
      <ol ref={setProposals} aria-label="Proposals" className={aligned ? "" : "space-y-2"} />
      <ol ref={setThreads} aria-label="Comment threads" className={aligned ? "" : "space-y-3"} />
    </div>
  );
}
