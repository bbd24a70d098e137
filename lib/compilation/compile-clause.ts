// Builds one clause's compilation: the text read once from what PostgreSQL holds, through the
// clause model (lib/readings/reading.ts, the agreed form and the proposals in text order), and
// the proposals' delegations, sponsors and positions from the proposals index
// (lib/proposals/list-clause-proposals.ts). Only proposals open in the index and present in the
// text are compiled, in the order of the text. The caller has checked the viewer sees the clause.
import { openAlternativeSets } from "@/lib/alternatives/alternative-sets";
import { loadClauseState } from "@/lib/collab/clause-store";
import { prisma } from "@/lib/db/prisma";
import { actorIn, can, type Target } from "@/lib/permissions/can";
import { listClauseProposals, type ProposalView } from "@/lib/proposals/list-clause-proposals";
import { bracketsOfState, readingOfState } from "@/lib/readings/reading";
import { sponsorLine } from "@/lib/sponsors/sponsors-view";
import type { ClauseCompilation, CompiledDelegation, CompiledProposal, PositionCell } from "./compilation";

const delegationOf = (d: { id: string; code: string; name: string }): CompiledDelegation => ({
  id: d.id,
  code: d.code,
  name: d.name,
});

function compiled(view: ProposalView, label: string): CompiledProposal {
  const current = view.positions.filter((p) => p.current);
  const sponsors = view.sponsorship?.sponsors ?? [];
  const onBehalfOf = view.sponsorship?.onBehalfOf ?? null;
  return {
    id: view.id,
    label,
    kind: view.kind,
    insertedText: view.insertedText,
    deletedText: view.deletedText,
    contextBefore: view.contextBefore,
    contextAfter: view.contextAfter,
    delegation: view.delegation,
    author: view.author.name,
    proposedAt: view.proposedAt,
    sponsorLine: sponsorLine(view.delegation.name, sponsors, onBehalfOf),
    onBehalfOf,
    sponsors,
    supporters: current.filter((p) => p.stance === "SUPPORTS").map((p) => delegationOf(p.delegation)),
    objectors: current.filter((p) => p.stance === "OPPOSES").map((p) => delegationOf(p.delegation)),
    reservations: current.filter((p) => p.stance === "RESERVES").map((p) => delegationOf(p.delegation)),
    earlier: view.positions.filter((p) => !p.current).map((p) => ({ ...delegationOf(p.delegation), stance: p.stance })),
  };
}

/** The delegations that see the clause: the rows of its positions table. */
async function delegationsSeeing(instrumentId: string, target: Target): Promise<CompiledDelegation[]> {
  const participants = await prisma.participant.findMany({
    where: { instrumentId, role: "DELEGATE" },
    include: { organization: { select: { id: true, code: true, name: true } } },
  });
  return participants
    .filter((p) =>
      can(
        actorIn(
          { userId: "", organizationId: p.organizationId, active: true },
          { role: p.role, observersMayComment: false },
        ),
        "clause.view",
        target,
      ),
    )
    .map((p) => delegationOf(p.organization))
    .sort((a, b) => a.name.localeCompare(b.name));
}

function cellOf(proposal: CompiledProposal, delegationId: string): PositionCell {
  if (proposal.delegation.id === delegationId) return "AUTHOR";
  if (proposal.sponsors.some((s) => s.delegation.id === delegationId && s.status === "ACCEPTED" && s.current))
    return "SPONSOR";
  if (proposal.supporters.some((d) => d.id === delegationId)) return "SUPPORTS";
  if (proposal.objectors.some((d) => d.id === delegationId)) return "OPPOSES";
  if (proposal.reservations.some((d) => d.id === delegationId)) return "RESERVES";
  return null;
}

export async function compileClause(clauseId: string, target: Target): Promise<ClauseCompilation> {
  const [clause, state, views, alternatives] = await Promise.all([
    prisma.clause.findUniqueOrThrow({
      where: { id: clauseId },
      select: {
        id: true,
        number: true,
        title: true,
        status: true,
        instrumentId: true,
        chapter: { select: { number: true, title: true } },
      },
    }),
    loadClauseState(clauseId),
    listClauseProposals(clauseId),
    openAlternativeSets([clauseId]),
  ]);
  const reading = readingOfState(state);
  const byId = new Map(views.filter((v) => v.status === "OPEN").map((v) => [v.id, v]));
  const proposals = reading.openProposals
    .flatMap((inText) => {
      const view = byId.get(inText.id);
      return view ? [view] : [];
    })
    .map((view, index) => compiled(view, `P${index + 1}`));
  const delegations = await delegationsSeeing(clause.instrumentId, target);
  return {
    clause: {
      id: clause.id,
      number: clause.number,
      title: clause.title,
      status: clause.status,
      chapter: clause.chapter,
    },
    text: reading.paragraphs,
    proposals,
    brackets: bracketsOfState(state).map((bracket) => ({
      id: bracket.id,
      words: bracket.words,
      delegationCode: bracket.organizationCode,
      person: bracket.personName,
      at: bracket.at,
      note: bracket.note,
    })),
    alternatives,
    positions: {
      delegations,
      cells: delegations.map((delegation) => proposals.map((proposal) => cellOf(proposal, delegation.id))),
    },
  };
}
