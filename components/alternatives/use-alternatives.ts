"use client";
// The clause's open sets of alternatives, from the server, reloaded whenever the server says a
// set was proposed, added to, supported or chosen (lib/clauses/clause-messages.ts).
import type { HocuspocusProvider } from "@hocuspocus/provider";
import { useCallback, useEffect, useRef, useState } from "react";
import { useClauseMessages } from "@/components/editor/use-clause-messages";
import type { AlternativeSetView } from "@/lib/alternatives/alternative-sets";
import { alternativesApi } from "./alternatives-api";

export function useAlternatives(clauseId: string, provider: HocuspocusProvider) {
  const [sets, setSets] = useState<AlternativeSetView[]>([]);
  const [error, setError] = useState<string | null>(null);
  const latest = useRef(0);
  const reload = useCallback(async () => {
    const asked = ++latest.current;
    const result = await alternativesApi.list(clauseId);
    if (asked !== latest.current) return;
    if (result.ok) {
      setSets(result.value.sets);
      setError(null);
    } else setError(result.error);
  }, [clauseId]);
  useEffect(() => {
    void reload();
  }, [reload]);
  useClauseMessages(provider, (message) => {
    if (message.type === "alternatives.changed") void reload();
  });
  return { sets, error };
}
