"use client";
// The clause's proposals as the panel and the margin show them: read from the browser's own copy
// of the clause through the clause model at every change (so the cards follow the text at once),
// reconciled with the server's proposals index (lib/proposals/reconcile-proposals.ts), which is
// reloaded whenever the server announces that the proposals or their discussions changed.
import type { HocuspocusProvider } from "@hocuspocus/provider";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useClauseMessages } from "@/components/editor/use-clause-messages";
import { clauseReader } from "@/lib/clause-model/clause-reader";
import { type ProposalWords, readProposals } from "@/lib/clause-model/read-proposals";
import { isAboutThreads } from "@/lib/clauses/clause-messages";
import type { ProposalView } from "@/lib/proposals/list-clause-proposals";
import { reconcileProposals, type ShownProposal } from "@/lib/proposals/reconcile-proposals";
import { proposalsApi } from "./proposals-api";

// The index reads a change within about a second; after this, it is asked again.
const RECHECK_MS = 2_000;

/** The proposals in the local copy of the clause, once it has been synced; null before. */
function useProposalsInText(provider: HocuspocusProvider): ProposalWords[] | null {
  const [inText, setInText] = useState<ProposalWords[] | null>(null);
  useEffect(() => {
    const reader = clauseReader(provider.document);
    let synced = provider.isSynced;
    let last = "";
    let frame = 0;
    const read = () => {
      frame = 0;
      if (!synced) return;
      try {
        const words = readProposals(reader.read());
        const signature = JSON.stringify(words);
        if (signature === last) return; // typing outside proposals changes nothing here
        last = signature;
        setInText(words);
      } catch {
        // Not readable as a clause (the server is refusing such an update): the index alone.
        last = "";
        setInText(null);
      }
    };
    // Once per frame at most, however fast the words arrive.
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(read);
    };
    const onSynced = () => {
      synced = true;
      schedule();
    };
    provider.document.on("update", schedule);
    provider.on("synced", onSynced);
    schedule();
    return () => {
      if (frame) cancelAnimationFrame(frame);
      provider.document.off("update", schedule);
      provider.off("synced", onSynced);
      reader.destroy();
    };
  }, [provider]);
  return inText;
}

export function useProposals(clauseId: string, provider: HocuspocusProvider) {
  const [indexed, setIndexed] = useState<ProposalView[]>([]);
  // A failed load (no connection): shown until a load succeeds.
  const [loadError, setLoadError] = useState<string | null>(null);
  const inText = useProposalsInText(provider);

  // Reloads overlap while someone types a proposal: only the latest answer may be shown, or the
  // panel could show (and pin a position or decision to) words older than the last ones it read.
  const latest = useRef(0);
  const reload = useCallback(async () => {
    const asked = ++latest.current;
    const result = await proposalsApi.list(clauseId);
    if (asked !== latest.current) return;
    if (result.ok) {
      setIndexed(result.value);
      setLoadError(null);
    } else setLoadError(result.error);
  }, [clauseId]);

  useEffect(() => {
    void reload();
  }, [reload]);
  useClauseMessages(provider, (message) => {
    // Proposals changed, or a discussion of one did (its count shows on the card).
    if (message.type === "proposals.changed" || isAboutThreads(message)) void reload();
    // A revision may have outdated this delegation's positions: the bell says so.
    if (message.type === "proposals.changed") window.dispatchEvent(new Event("clausework:proposals-changed"));
  });

  const proposals: ShownProposal[] = useMemo(
    () => reconcileProposals(inText, indexed, new Date().toISOString()),
    [inText, indexed],
  );
  // The index announces every change it makes; should an announcement or a reload be lost while
  // words shown here are not yet in the index, ask again rather than leave them undecidable.
  const waiting = proposals.some((proposal) => !proposal.indexed);
  useEffect(() => {
    if (!waiting) return;
    const timer = setInterval(() => void reload(), RECHECK_MS);
    return () => clearInterval(timer);
  }, [waiting, reload]);
  return { proposals, loadError, reload };
}
