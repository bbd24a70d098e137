"use client";
// The clause's threads, fresh from PostgreSQL: loaded once, and again whenever the
// collaboration channel says something about them changed (for everyone in the clause).
import type { HocuspocusProvider } from "@hocuspocus/provider";
import { useCallback, useEffect, useRef, useState } from "react";
import { isAboutThreads } from "@/lib/clauses/clause-messages";
import type { ThreadView } from "@/lib/comments/thread-view";
import { useClauseMessages } from "../editor/use-clause-messages";
import { announceCommentsChanged, commentsApi } from "./comments-api";

export function useThreads(clauseId: string, provider: HocuspocusProvider | null) {
  const [threads, setThreads] = useState<ThreadView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const latest = useRef(0);
  const discussesProposals = useRef(false);
  discussesProposals.current = threads?.some((thread) => thread.proposalId !== null) ?? false;

  const reload = useCallback(async () => {
    const request = ++latest.current;
    const result = await commentsApi.list(clauseId);
    if (request !== latest.current) return; // a newer reload is on its way
    if (result.ok) {
      setThreads(result.value);
      setError(null);
    } else setError(result.error);
  }, [clauseId]);

  /** Puts a thread the server just answered with in place, before the reload confirms it. */
  const put = useCallback((thread: ThreadView) => {
    setThreads((current) => {
      const others = (current ?? []).filter((t) => t.id !== thread.id);
      return [...others, thread];
    });
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);

  useClauseMessages(provider, (message) => {
    // A decision on a proposal changes what its discussion says about it (proposals change
    // with every burst of suggesting, so only when a thread here discusses one).
    const aboutProposals = message.type === "proposals.changed" && discussesProposals.current;
    if (!isAboutThreads(message) && !aboutProposals) return;
    void reload();
    announceCommentsChanged();
  });

  useEffect(() => {
    if (!provider) return;
    // After a reconnect, catch up on whatever was said while the socket was down.
    const onSynced = () => void reload();
    provider.on("synced", onSynced);
    return () => {
      provider.off("synced", onSynced);
    };
  }, [provider, reload]);

  return { threads, error, reload, put };
}
