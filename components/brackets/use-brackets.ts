"use client";
// The clause's square brackets, read from the browser's own copy of the clause through the clause
// model at every change — the same reading the server's bracket index uses — so a bracket placed
// or removed by anyone appears and goes the moment its mark arrives.
import type { HocuspocusProvider } from "@hocuspocus/provider";
import { useEffect, useState } from "react";
import { type BracketInClause, bracketsInClause } from "@/lib/brackets/brackets-in-clause";
import { clauseReader } from "@/lib/clause-model/clause-reader";

export function useBrackets(provider: HocuspocusProvider): BracketInClause[] {
  const [brackets, setBrackets] = useState<BracketInClause[]>([]);
  useEffect(() => {
    const reader = clauseReader(provider.document);
    let last = "";
    let frame = 0;
    const read = () => {
      frame = 0;
      try {
        const found = bracketsInClause(reader.read().blocks);
        const signature = JSON.stringify(found);
        if (signature === last) return;
        last = signature;
        setBrackets(found);
      } catch {
        // Not readable as a clause: the server is refusing that update; keep what was shown.
      }
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(read);
    };
    provider.document.on("update", schedule);
    provider.on("synced", schedule);
    schedule();
    return () => {
      if (frame) cancelAnimationFrame(frame);
      provider.document.off("update", schedule);
      provider.off("synced", schedule);
      reader.destroy();
    };
  }, [provider]);
  return brackets;
}
