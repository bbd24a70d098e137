// The chair's decision on proposals: one, all of a delegation's, or all in a clause.
// Decisions on one clause are taken one at a time — in this process by a queue per clause, across
// instances by the clause's PostgreSQL advisory lock — and each is computed from the text as
// stored (the live document merged with everything in PostgreSQL, so an instance whose live copy
// lags behind still decides on the stored truth), stored in one transaction with each proposal's
// status, decision and audit entry, then applied to the live document for everyone at once.
// A decision is pinned to the words the chair saw: it carries each proposal's fingerprint as
// the panel showed it, and is refused whole if any of those words changed or a proposal in its
// scope is one the chair has not seen.

import type { Hocuspocus } from "@hocuspocus/server";
import * as Y from "yjs";
import { z } from "zod";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { SessionUser } from "@/lib/auth/session-user";
import { decidedPassages } from "@/lib/clause-model/decided-passages";
import { proposalFingerprint } from "@/lib/clause-model/proposal-fingerprint";
import { type ProposalInText, proposalsInClause } from "@/lib/clause-model/proposals-in-clause";
import { readClause } from "@/lib/clause-model/read-clause";
import { clauseContext, requireCan } from "@/lib/clauses/clause-context";
import { announceClauseMessage } from "@/lib/clauses/clause-messages-server";
import { clauseDocumentName } from "@/lib/collab/clause-document-name";
import { loadClauseState } from "@/lib/collab/clause-store";
import { recordServerWrite } from "@/lib/collab/client-id-ownership";
import { collabInstance } from "@/lib/collab/collab-instance";
import { parseInput } from "@/lib/commands/parse-input";
import { closeProposalThreads } from "@/lib/comments/close-proposal-threads";
import { notifyDecision } from "@/lib/comments/notify-decision";
import { lockUntilCommit } from "@/lib/db/advisory-lock";
import { prisma } from "@/lib/db/prisma";
import { CLAUSE_FRAGMENT } from "@/lib/editor/extensions";
import { decideInFragment, type Outcome } from "@/lib/editor/suggestions/decide-in-fragment";
import { AppError } from "@/lib/errors/app-error";
import { decisionsVersionName, recordClauseVersion } from "@/lib/readings/record-clause-version";
import { decideWithInverse } from "./decision-inverse";
import { oneAtATime } from "./one-at-a-time";

export type DecisionScope = { proposalId: string } | { organizationId: string } | { all: true };

const ZFingerprint = z.string().regex(/^[0-9a-f]{64}$/, "Not a proposal fingerprint.");

/**
 * What the chair sends: which proposals, accept or reject, why (optional), and the words the
 * panel showed — `fingerprint` for one proposal, `fingerprints` (id → fingerprint of every
 * proposal shown) for a delegation's or all.
 */
export const ZDecision = z.object({
  scope: z.union([
    z.object({ proposalId: z.uuid("Not a proposal.") }),
    z.object({ organizationId: z.string().uuid("Not a delegation.") }),
    z.object({ all: z.literal(true) }),
  ]),
  outcome: z.enum(["ACCEPTED", "REJECTED"], { message: "Choose accept or reject." }),
  reason: z.string().trim().max(2000, "Keep the reason under 2,000 characters.").optional(),
  fingerprint: ZFingerprint.optional(),
  fingerprints: z.record(z.string(), ZFingerprint).optional(),
});

/** The decision route's input: the decision, and the clause the URL names. */
export const ZDecideProposals = ZDecision.extend({ clauseId: z.string() });
export type TDecideProposals = z.infer<typeof ZDecideProposals>;

/**
 * The chair decides, as a command: the person must see the clause and be allowed to decide in
 * it. It takes no `tx`: a decision holds the clause's live document and its queue around its own
 * transaction, so it cannot join another's.
 */
/** What was decided: the proposals, and the decision's id (to undo it for a short while). */
export type Decided = { decided: string[]; decisionId: string };

export async function decideProposals(by: SessionUser, input: TDecideProposals): Promise<Decided> {
  const { clauseId, scope, outcome, reason, fingerprint, fingerprints } = parseInput(ZDecideProposals, input);
  const ctx = await clauseContext(by, clauseId);
  requireCan(ctx.actor, "proposal.decide", ctx.target);
  return decideOnClause({
    clauseId: ctx.clause.id,
    scope,
    outcome,
    reason: reason ? reason : null,
    fingerprint,
    fingerprints,
    decidedById: by.id,
    decidedBy: by,
    instrumentId: ctx.clause.instrumentId,
  });
}

/** What a decision needs once the door and the permissions module have let it through. */
export type DecideInput = {
  clauseId: string;
  scope: DecisionScope;
  outcome: Outcome;
  reason: string | null;
  /** For one proposal: the fingerprint of its words as the chair saw them. */
  fingerprint?: string;
  /** For a delegation's or all: the fingerprint of every proposal the chair saw, by id. */
  fingerprints?: Record<string, string>;
  decidedById: string;
  /** For the audit trail: who decided, through which delegation, in which instrument. */
  decidedBy?: Pick<SessionUser, "id" | "name" | "organizationId" | "organizationCode">;
  instrumentId?: string;
  /** The collaboration server to decide through: this process's own unless said. */
  collab?: Hocuspocus;
};

export const MISSING_FINGERPRINT =
  "A decision must say which words you saw (each proposal's fingerprint, as the panel sends it). Reload the proposals and decide again.";
export const PROPOSAL_CHANGED = "This proposal changed since you opened it — review it again.";
const SOME_CHANGED = "One of these proposals changed since you opened them — review them again.";
const SOME_UNSEEN = "A proposal was made here since you opened the list — review them again.";
const NO_LONGER_OPEN = "These proposals are no longer open: someone decided or withdrew them.";

/** The words the chair saw, by proposal id; refuses a decision that does not say. */
function seenWords(input: DecideInput): Map<string, string> {
  if ("proposalId" in input.scope) {
    const fingerprint = input.fingerprint ?? input.fingerprints?.[input.scope.proposalId];
    if (!fingerprint) throw new AppError("invalid_input", MISSING_FINGERPRINT);
    return new Map([[input.scope.proposalId, fingerprint]]);
  }
  if (!input.fingerprints) throw new AppError("invalid_input", MISSING_FINGERPRINT);
  return new Map(Object.entries(input.fingerprints));
}

/**
 * The clause as stored: the live document and everything in PostgreSQL, merged. Without
 * garbage collection, so the words a decision deletes stay whole in the copy for its inverse.
 */
export function storedTruth(live: Y.Doc, stored: Uint8Array | null): Y.Doc {
  const copy = new Y.Doc({ gc: false });
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(live));
  if (stored) Y.applyUpdate(copy, stored);
  return copy;
}

export async function decideOnClause(input: DecideInput): Promise<Decided> {
  const seen = seenWords(input);
  const collab = input.collab ?? collabInstance();
  if (!collab) throw new AppError("unavailable", "The collaboration server is not running. Nothing was changed.");
  const connection = await collab.openDirectConnection(clauseDocumentName(input.clauseId), {
    system: "decide-proposals",
  });
  try {
    const live = connection.document as Y.Doc;
    return await oneAtATime(collab, input.clauseId, () => decideOnStoredText(live, input, seen));
  } finally {
    await connection.disconnect();
  }
}

async function decideOnStoredText(live: Y.Doc, input: DecideInput, seen: Map<string, string>): Promise<Decided> {
  // The stored text the decision is computed on, released however the decision ends; what the
  // live document lacks once it is stored; the threads the decision closed.
  const held: { copy?: Y.Doc; forLive?: Uint8Array; threads: string[] } = { threads: [] };
  try {
    const decided = await prisma.$transaction(
      async (tx) => {
        // The same lock as the proposals index and positions: one writer of a clause's proposals.
        await lockUntilCommit(tx, { kind: "proposals", clauseId: input.clauseId });
        const copy = storedTruth(live, await loadClauseState(input.clauseId, tx));
        held.copy = copy;
        const model = readClause(copy);
        const inText = new Map<string, ProposalInText>(proposalsInClause(model).map((p) => [p.id, p]));
        const open = await tx.proposal.findMany({
          where: {
            clauseId: input.clauseId,
            status: "OPEN",
            ...("proposalId" in input.scope ? { id: input.scope.proposalId } : {}),
            ...("organizationId" in input.scope ? { organizationId: input.scope.organizationId } : {}),
          },
        });
        const chosen = open.filter((row) => inText.has(row.id));
        if (chosen.length === 0) throw new AppError("conflict", NO_LONGER_OPEN);
        const unseen = chosen.filter((row) => !seen.has(row.id)).map((row) => row.id);
        const changed = chosen
          .filter(
            (row) => seen.has(row.id) && seen.get(row.id) !== proposalFingerprint(inText.get(row.id) as ProposalInText),
          )
          .map((row) => row.id);
        if (changed.length > 0)
          throw new AppError("conflict", "proposalId" in input.scope ? PROPOSAL_CHANGED : SOME_CHANGED, { changed });
        if (unseen.length > 0) throw new AppError("conflict", SOME_UNSEEN, { unseen });

        const selection = new Set(chosen.map((row) => row.id));
        // What each passage will read, predicted by the model from the plan decideInFragment carries out.
        const passages = decidedPassages(model, selection, input.outcome);
        const {
          forward: update,
          inverse,
          touched,
          taken: { forLive, decidedState },
        } = decideWithInverse(
          copy,
          (origin) => decideInFragment(copy.getXmlFragment(CLAUSE_FRAGMENT), selection, input.outcome, origin),
          // Taken while the copy reads as decided: the decision, and any stored text live lacks;
          // and the decided text whole, for the version the decision leaves.
          () => ({
            forLive: Y.encodeStateAsUpdate(copy, Y.encodeStateVector(live)),
            decidedState: Y.encodeStateAsUpdate(copy),
          }),
        );
        held.forLive = forLive;
        const now = new Date();
        const chairDecision = await tx.chairDecision.create({
          data: {
            clauseId: input.clauseId,
            decidedById: input.decidedById,
            outcome: input.outcome,
            reason: input.reason,
            proposalIds: chosen.map((row) => row.id),
            undoUpdate: Buffer.from(inverse),
            touched,
            createdAt: now,
          },
        });
        await tx.clauseUpdate.create({
          data: { clauseId: input.clauseId, update: Buffer.from(update), userId: input.decidedById },
        });
        // The copy's client id is the server's: nobody may later write under it.
        await recordServerWrite(tx, input.clauseId, update);
        for (const row of chosen) {
          const current = inText.get(row.id) as ProposalInText;
          await tx.proposal.update({ where: { id: row.id }, data: { status: input.outcome, decidedAt: now } });
          await tx.proposalDecision.create({
            data: {
              proposalId: row.id,
              chairDecisionId: chairDecision.id,
              outcome: input.outcome,
              reason: input.reason,
              decidedById: input.decidedById,
              insertedText: current.insertedText,
              deletedText: current.deletedText,
              resultingText: passages.get(row.id) ?? "",
              createdAt: now,
            },
          });
        }
        // Each batch of decisions leaves a version of the text it made (lib/readings).
        await recordClauseVersion(tx, {
          clauseId: input.clauseId,
          name: decisionsVersionName(chosen.length, input.outcome),
          trigger: "DECIDED",
          madeById: input.decidedById,
          state: decidedState,
        });
        // A decision settles the text: it belongs in the tamper-evident record.
        await recordAuditEvent(tx, {
          action: input.outcome === "ACCEPTED" ? "proposal.accepted" : "proposal.rejected",
          actor: input.decidedBy ?? { id: input.decidedById, name: "" },
          instrumentId: input.instrumentId ?? null,
          target: { type: "clause", id: input.clauseId },
          details: { proposals: chosen.map((row) => row.id), reason: input.reason, decision: chairDecision.id },
        });
        // The decision reaches people: its discussions close, and those who follow it are told.
        const decider = await tx.membership.findFirst({
          where: { userId: input.decidedById },
          orderBy: { createdAt: "asc" },
          select: { organizationId: true },
        });
        held.threads = await closeProposalThreads(tx, {
          decisionId: chairDecision.id,
          proposalIds: chosen.map((row) => row.id),
          by: {
            id: input.decidedById,
            organizationId: input.decidedBy?.organizationId ?? decider?.organizationId ?? "",
          },
        });
        const clause = await tx.clause.findUniqueOrThrow({
          where: { id: input.clauseId },
          select: { instrumentId: true },
        });
        await notifyDecision(tx, {
          id: chairDecision.id,
          clauseId: input.clauseId,
          instrumentId: clause.instrumentId,
          decidedById: input.decidedById,
          proposals: chosen.map((row) => ({ id: row.id, authorId: row.authorId })),
        });
        return { decided: chosen.map((row) => row.id), decisionId: chairDecision.id };
      },
      { timeout: 20_000 },
    );
    // Stored: now everyone sees it (Hocuspocus broadcasts to every open editor, and through Redis
    // to the other instances). What the live document lacks — the decision, and any stored text
    // it had not received yet — is applied in one update.
    Y.applyUpdate(live, held.forLive as Uint8Array);
    announceClauseMessage(input.clauseId, { type: "proposals.changed" });
    for (const threadId of held.threads) announceClauseMessage(input.clauseId, { type: "thread.changed", threadId });
    return decided;
  } finally {
    held.copy?.destroy();
  }
}
