// Everything the proposals panel shows about a clause's proposals: words in context, author and
// delegation, positions by delegation, and the decisions taken — read from PostgreSQL alone.
import { z } from "zod";
import { citationLabel } from "@/lib/agreed-language/citation-label";
import type { SessionUser } from "@/lib/auth/session-user";
import { clauseContext, requireCan } from "@/lib/clauses/clause-context";
import { prisma } from "@/lib/db/prisma";
import { type Actor, type ProposalAbilities, proposalAbilities, type Target } from "@/lib/permissions/can";
import { type ProposalSponsors, sponsorsView } from "@/lib/sponsors/sponsors-view";

/** What the panel shows of one proposal, with what this viewer may do with it (from can.ts). */
export type ProposalView = ProposalAbilities & {
  id: string;
  kind: "INSERTION" | "DELETION" | "REPLACEMENT";
  status: "OPEN" | "ACCEPTED" | "REJECTED" | "WITHDRAWN";
  insertedText: string;
  deletedText: string;
  contextBefore: string;
  contextAfter: string;
  /** The fingerprint of these words: sent back with a decision or a position on them. */
  fingerprint: string;
  proposedAt: string;
  author: { id: string; name: string };
  delegation: { id: string; name: string; code: string; colour: string };
  /** Where its inserted words were taken from: an entry of the library of agreed language. */
  citation: { id: string; label: string } | null;
  /** Its discussion (one thread per proposal), if anyone has started it. */
  discussion: { threadId: string; comments: number; resolved: boolean } | null;
  positions: {
    stance: "SUPPORTS" | "OPPOSES" | "RESERVES";
    delegation: { id: string; code: string; name: string };
    /** Given on the words shown; false: on an earlier wording, not counted until re-stated. */
    current: boolean;
  }[];
  decisions: {
    id: string;
    outcome: "ACCEPTED" | "REJECTED" | "OPEN" | "WITHDRAWN";
    reason: string | null;
    decidedBy: string;
    at: string;
    insertedText: string;
    deletedText: string;
    resultingText: string;
    /** The chair took this decision back (Undo): who, and when. */
    undone: { by: string; at: string } | null;
  }[];
  /** Its co-sponsors (lib/sponsors); absent on a proposal the index has not read yet. */
  sponsorship?: ProposalSponsors;
};

export const ZListProposals = z.object({ clauseId: z.string() });
export type TListProposals = z.infer<typeof ZListProposals>;

/** The proposals panel's list: anyone who sees the clause reads its proposals. */
export async function listProposals(by: SessionUser, { clauseId }: TListProposals): Promise<ProposalView[]> {
  const ctx = await clauseContext(by, clauseId);
  requireCan(ctx.actor, "clause.view", ctx.target);
  return listClauseProposals(ctx.clause.id, ctx);
}

/** `viewer`: whose abilities each proposal carries (none without one, as for a test or script). */
export async function listClauseProposals(
  clauseId: string,
  viewer: { actor: Actor; target: Target } | null = null,
): Promise<ProposalView[]> {
  const rows = await prisma.proposal.findMany({
    where: { clauseId },
    orderBy: { proposedAt: "asc" },
    include: {
      author: { select: { id: true, name: true } },
      organization: { select: { id: true, name: true, code: true, colour: true } },
      citation: { select: { id: true, source: true, article: true, paraphrase: true } },
      positions: { include: { organization: { select: { id: true, code: true, name: true } } } },
      sponsorships: { include: { organization: { select: { id: true, code: true, name: true, colour: true } } } },
      decisions: {
        orderBy: { createdAt: "asc" },
        include: {
          decidedBy: { select: { name: true } },
          chairDecision: { select: { undoneAt: true, undoneBy: { select: { name: true } } } },
        },
      },
    },
  });
  const threads = await prisma.commentThread.findMany({
    where: { clauseId, proposalId: { in: rows.map((row) => row.id) } },
    select: {
      id: true,
      proposalId: true,
      resolvedAt: true,
      _count: { select: { comments: { where: { kind: "COMMENT", deletedAt: null } } } },
    },
  });
  const discussions = new Map(
    threads.map((t) => [
      t.proposalId,
      { threadId: t.id, comments: t._count.comments, resolved: t.resolvedAt !== null },
    ]),
  );
  return rows.map((row) => ({
    ...proposalAbilities(viewer?.actor ?? null, row, viewer?.target),
    id: row.id,
    kind: row.kind,
    status: row.status,
    insertedText: row.insertedText,
    deletedText: row.deletedText,
    contextBefore: row.contextBefore,
    contextAfter: row.contextAfter,
    fingerprint: row.fingerprint,
    proposedAt: row.proposedAt.toISOString(),
    author: row.author,
    delegation: row.organization,
    citation: row.citation ? { id: row.citation.id, label: citationLabel(row.citation) } : null,
    discussion: discussions.get(row.id) ?? null,
    positions: row.positions
      .map((position) => ({
        stance: position.stance,
        delegation: position.organization,
        current: position.fingerprint === row.fingerprint,
      }))
      .sort((a, b) => a.delegation.code.localeCompare(b.delegation.code)),
    decisions: row.decisions.map((decision) => ({
      id: decision.id,
      outcome: decision.outcome,
      reason: decision.reason,
      decidedBy: decision.decidedBy.name,
      at: decision.createdAt.toISOString(),
      insertedText: decision.insertedText,
      deletedText: decision.deletedText,
      resultingText: decision.resultingText,
      undone: decision.chairDecision?.undoneAt
        ? { by: decision.chairDecision.undoneBy?.name ?? "", at: decision.chairDecision.undoneAt.toISOString() }
        : null,
    })),
    sponsorship: sponsorsView(row, viewer),
  }));
}

/** Open proposals per clause, for the clause list. */
export async function countOpenProposals(clauseIds: string[]): Promise<Map<string, number>> {
  const groups = await prisma.proposal.groupBy({
    by: ["clauseId"],
    where: { clauseId: { in: clauseIds }, status: "OPEN" },
    _count: { _all: true },
  });
  return new Map(groups.map((group) => [group.clauseId, group._count._all]));
}
