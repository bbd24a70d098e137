"use client";
// The clause's proposals: filter by delegation and status, jump to one in the text, decide
// (chair), withdraw (own), and record the delegation's position. Read from the local copy of the
// clause and reconciled with the server's index (use-proposals.ts), which is reloaded after every
// action — also a refused one (a proposal revised since it was shown), so the words are fresh.
// Its heading and filters sit above the margin, its cards in it (components/margin).
import type { HocuspocusProvider } from "@hocuspocus/provider";
import type { Editor } from "@tiptap/react";
import { ySyncPluginKey, yUndoPluginKey } from "@tiptap/y-tiptap";
import dynamic from "next/dynamic";
import { useCallback, useEffect, useMemo, useState } from "react";
import { createPortal } from "react-dom";
import { MarginCard } from "@/components/margin/margin-card";
import { proposalKey, useMargin } from "@/components/margin/margin-context";
import { ProposalSponsors } from "@/components/sponsors/proposal-sponsors";
import { CLAUSE_FRAGMENT } from "@/lib/editor/schema-names";
import { decideInFragment } from "@/lib/editor/suggestions/decide-in-fragment";
import type { ProposalView } from "@/lib/proposals/list-clause-proposals";
import type { Decision } from "./decision-notice";
import { preloadDecisionControls } from "./lazy-decision-controls";
import { ProposalCard } from "./proposal-card";
import { proposalsApi } from "./proposals-api";
import { useLinkedProposal } from "./use-linked-proposal";
import { useProposals } from "./use-proposals";

// Loaded when first shown, not with the page: the chair's bulk decisions (and their dialog) and
// the message after a decision.
const BulkDecision = dynamic(() => import("./bulk-decision").then((m) => m.BulkDecision), { ssr: false });
const DecisionNotice = dynamic(() => import("./decision-notice").then((m) => m.DecisionNotice), { ssr: false });

type StatusFilter = ProposalView["status"] | "ALL";

const STATUS_LABELS: Record<StatusFilter, string> = {
  OPEN: "Open",
  ACCEPTED: "Accepted",
  REJECTED: "Rejected",
  WITHDRAWN: "Withdrawn",
  ALL: "All",
};

function findInText(editor: Editor, id: string): number | null {
  let found: number | null = null;
  editor.state.doc.descendants((node, pos) => {
    if (found !== null) return false;
    if (node.isText && node.marks.some((mark) => String(mark.attrs.id) === id)) found = pos;
    return found === null;
  });
  return found;
}

export function ProposalsPanel({
  clauseId,
  provider,
  editor,
  organizationId,
  canDecide,
  canComment,
  onDiscuss,
}: {
  clauseId: string;
  provider: HocuspocusProvider;
  editor: Editor | null;
  organizationId: string;
  /** Deciding a delegation's or all at once; each card carries its own abilities. */
  canDecide: boolean;
  canComment: boolean;
  onDiscuss: (proposal: ProposalView) => void;
}) {
  const { proposals, loadError, reload } = useProposals(clauseId, provider);
  const [actionError, setError] = useState<string | null>(null);
  const error = actionError ?? loadError;
  const [busy, setBusy] = useState(false);
  const [delegation, setDelegation] = useState<string>("ALL");
  const [status, setStatus] = useState<StatusFilter>("OPEN");
  // The chair's last decision, said in words with Undo for a while.
  const [decision, setDecision] = useState<Decision | null>(null);
  const margin = useMargin();
  const { reveal, wide } = margin;

  // The chair's Accept / Reject are fetched ahead for those who may decide, and only for them.
  useEffect(() => {
    if (canDecide) preloadDecisionControls();
  }, [canDecide]);

  // From a notification: show that proposal, decided or not (on a phone, in its sheet).
  const showLinked = useCallback(
    (proposalId: string) => {
      setStatus("ALL");
      setDelegation("ALL");
      if (!wide) reveal(proposalKey(proposalId));
    },
    [reveal, wide],
  );
  const linked = useLinkedProposal(proposals, showLinked);

  // On a phone, tapping proposed words opens their card (and its discussion) in a sheet.
  useEffect(() => {
    if (!editor || wide) return;
    const dom = editor.view.dom;
    const onClick = (event: MouseEvent) => {
      const words = (event.target as HTMLElement | null)?.closest<HTMLElement>("[data-proposal-id]");
      if (words?.dataset.proposalId && dom.contains(words)) reveal(proposalKey(words.dataset.proposalId));
    };
    dom.addEventListener("click", onClick);
    return () => dom.removeEventListener("click", onClick);
  }, [editor, wide, reveal]);

  const delegations = useMemo(() => {
    const byId = new Map(proposals.map((p) => [p.delegation.id, p.delegation]));
    return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name));
  }, [proposals]);
  const shown = proposals.filter(
    (p) => (delegation === "ALL" || p.delegation.id === delegation) && (status === "ALL" || p.status === status),
  );
  const openCount = proposals.filter((p) => p.status === "OPEN").length;

  async function act(run: () => Promise<{ ok: true } | { ok: false; error: string }>) {
    setBusy(true);
    setError(null);
    const result = await run();
    if (!result.ok) setError(result.error);
    await reload();
    setBusy(false);
  }

  /** Decides on the words this panel shows: each proposal's fingerprint goes with the decision. */
  function decide(scope: { proposalId: string } | { organizationId: string } | { all: true }) {
    const shownWords =
      "proposalId" in scope
        ? { fingerprint: proposals.find((p) => p.id === scope.proposalId)?.fingerprint }
        : {
            fingerprints: Object.fromEntries(
              proposals
                .filter(
                  (p) =>
                    p.status === "OPEN" &&
                    p.indexed &&
                    (!("organizationId" in scope) || p.delegation.id === scope.organizationId),
                )
                .map((p) => [p.id, p.fingerprint]),
            ),
          };
    return (outcome: "ACCEPTED" | "REJECTED", reason: string) =>
      act(async () => {
        const result = await proposalsApi.decide(clauseId, {
          scope,
          outcome,
          reason: reason || undefined,
          ...shownWords,
        });
        if (result.ok)
          setDecision((previous) => ({
            decisionId: result.value.decisionId,
            count: result.value.decided.length,
            outcome,
            nonce: (previous?.nonce ?? 0) + 1,
          }));
        return result;
      });
  }

  async function undo(decisionId: string): Promise<string | null> {
    const result = await proposalsApi.undo(clauseId, decisionId);
    await reload();
    return result.ok ? null : result.error;
  }

  function jump(id: string) {
    if (!editor) return;
    const pos = findInText(editor, id);
    if (pos === null) return setError("This proposal is no longer in the text.");
    editor.chain().focus().setTextSelection(pos).scrollIntoView().run();
  }

  function withdraw(id: string) {
    // Taking back one's own proposal is rejecting it oneself, on the shared text: its words go,
    // the words it would have deleted stay. The server lets it through (nothing agreed changes).
    // Done as the editor's own change, so Ctrl+Z in the text brings the proposal back — as a step
    // of its own, not merged with the typing just before it.
    const history = editor ? yUndoPluginKey.getState(editor.state)?.undoManager : undefined;
    history?.stopCapturing();
    decideInFragment(provider.document.getXmlFragment(CLAUSE_FRAGMENT), new Set([id]), "REJECTED", ySyncPluginKey);
    history?.stopCapturing();
  }

  const chosenDelegation = delegations.find((d) => d.id === delegation);
  const place = margin.place("proposals");
  const activeProposal = margin.active?.startsWith("proposal:") ? margin.active.slice("proposal:".length) : null;
  // What the filters hide, said on the heading line, so it is seen while the filters are folded away.
  const statusShown =
    status === "OPEN" ? null : status === "ALL" ? "every status" : STATUS_LABELS[status].toLowerCase();
  const filtered = [chosenDelegation?.name, statusShown].filter(Boolean).join(", ");
  const header = (
    <section aria-labelledby="proposals-heading" className="space-y-1">
      <h2 id="proposals-heading" className="text-sm font-semibold text-slate-700">
        Proposals ({openCount} open)
        {filtered && (
          <span className="ml-1 font-normal text-slate-500" data-testid="proposal-filters-in-use">
            · showing {filtered}
          </span>
        )}
      </h2>
      {error && (
        <p role="alert" className="rounded bg-red-50 px-2 py-1 text-xs text-red-800">
          {error}
        </p>
      )}
      {decision && (
        <DecisionNotice key={decision.nonce} decision={decision} onUndo={undo} onDismiss={() => setDecision(null)} />
      )}
      {linked && (
        <style>{`[data-testid="proposal"][data-proposal-id="${CSS.escape(linked)}"]{outline:2px solid rgb(14 116 144);outline-offset:2px}`}</style>
      )}
      {shown.length === 0 && filtered && <p className="text-xs text-slate-500">Nothing matches these filters.</p>}
    </section>
  );
  const filters = (
    <section aria-label="Filter proposals">
      <div className="grid grid-cols-2 gap-2 text-xs">
        <label className="space-y-0.5">
          <span className="block text-slate-500">Delegation</span>
          <select
            value={delegation}
            onChange={(event) => setDelegation(event.target.value)}
            className="w-full rounded border border-slate-300 bg-white px-1 py-1"
          >
            <option value="ALL">All delegations</option>
            {delegations.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
        </label>
        <label className="space-y-0.5">
          <span className="block text-slate-500">Status</span>
          <select
            value={status}
            onChange={(event) => setStatus(event.target.value as StatusFilter)}
            className="w-full rounded border border-slate-300 bg-white px-1 py-1"
          >
            {(Object.keys(STATUS_LABELS) as StatusFilter[]).map((value) => (
              <option key={value} value={value}>
                {STATUS_LABELS[value]}
              </option>
            ))}
          </select>
        </label>
      </div>
      {canDecide && openCount > 0 && (
        <BulkDecision
          scope={chosenDelegation ? { kind: "delegation", name: chosenDelegation.name } : { kind: "clause" }}
          proposals={proposals.filter(
            (p) => p.status === "OPEN" && (!chosenDelegation || p.delegation.id === chosenDelegation.id),
          )}
          busy={busy}
          onDecide={decide(chosenDelegation ? { organizationId: chosenDelegation.id } : { all: true })}
        />
      )}
    </section>
  );
  const cards = shown
    .filter((proposal) => place.shows(proposalKey(proposal.id)))
    .map((proposal) => (
      <MarginCard
        key={proposal.id}
        cardKey={proposalKey(proposal.id)}
        words={proposal.from === null ? null : `[data-proposal-id="${CSS.escape(proposal.id)}"]`}
        place={proposal.from === null ? "end" : "words"}
        rank={proposal.from ?? 0}
        aligned={place.aligned}
      >
        <ProposalCard
          proposal={proposal}
          organizationId={organizationId}
          canComment={canComment}
          busy={busy}
          onJump={() => jump(proposal.id)}
          onDecide={decide({ proposalId: proposal.id })}
          onWithdraw={() => withdraw(proposal.id)}
          onDiscuss={() => onDiscuss(proposal)}
          onTakePosition={(stance) => act(() => proposalsApi.takePosition(clauseId, proposal, stance))}
        >
          <ProposalSponsors
            clauseId={clauseId}
            proposal={proposal}
            organizationId={organizationId}
            busy={busy}
            act={act}
          />
        </ProposalCard>
        {!proposal.indexed && proposal.status === "OPEN" && (
          <p className="px-3 pt-1 text-xs text-slate-500" data-testid="proposal-recording">
            Being recorded — positions and decisions in a moment.
          </p>
        )}
      </MarginCard>
    ));
  return (
    <>
      {activeProposal && (
        <style>{`.clause-text [data-proposal-id="${CSS.escape(activeProposal)}"]{outline:2px solid rgb(251 191 36);outline-offset:1px;border-radius:2px}`}</style>
      )}
      {margin.headers.proposals && createPortal(header, margin.headers.proposals)}
      {margin.filters.proposals && createPortal(filters, margin.filters.proposals)}
      {place.element && createPortal(cards, place.element)}
    </>
  );
}
