"use client";
// A link to a proposal — /clauses/<id>?proposal=<proposal id>, as the bell's notifications of a
// decision give — opens the panel on it: whatever its status (a decided proposal is not among
// the open ones the panel shows first), scrolled to, and marked, with its history beneath.
import { useSearchParams } from "next/navigation";
import { useEffect, useRef } from "react";

export function useLinkedProposal(
  proposals: readonly { id: string }[] | null,
  show: (proposalId: string) => void,
): string | null {
  // Returns the linked proposal once it is among those loaded (never while rendering on the server).
  const linked = useSearchParams().get("proposal");
  const followed = useRef<string | null>(null);
  const found = linked && proposals?.some((p) => p.id === linked) ? linked : null;
  useEffect(() => {
    if (!found || followed.current === found) return;
    followed.current = found;
    show(found);
    // Once the filters have followed and the card is drawn.
    setTimeout(() => {
      document
        .querySelector(`[data-testid="proposal"][data-proposal-id="${CSS.escape(found)}"]`)
        ?.scrollIntoView({ block: "center", behavior: "smooth" });
    }, 100);
  }, [found, show]);
  return found;
}
