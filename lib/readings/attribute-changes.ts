// Who made a change between two versions. The agreed text changes only by the chair's hand: by
// accepting a proposal (the change then names the proposal's delegation and the decision) or by
// editing directly — delegations cannot. So a change that no accepted proposal between the two
// explains is the chair's. Read from the Proposal and ProposalDecision records in PostgreSQL.
import { prisma } from "@/lib/db/prisma";
import type { Attribution, Attributor } from "./compare-readings";

type Accepted = {
  insertedText: string;
  deletedText: string;
  attribution: Extract<Attribution, { by: "proposal" }>;
};

const normal = (text: string) => text.replace(/\s+/g, " ").trim();

function explains(words: string, change: string): boolean {
  const proposed = normal(words);
  return proposed !== "" && (proposed.includes(change) || change.includes(proposed));
}

/**
 * The attributor for the changes from `from` to `to` (either may be the later one). `chair`: the
 * name of the chair's organisation in the instrument.
 */
export async function attributorBetween(clauseId: string, from: Date, to: Date, chair: string): Promise<Attributor> {
  const [start, end] = from <= to ? [from, to] : [to, from];
  const forwards = from <= to;
  const rows = await prisma.proposalDecision.findMany({
    where: {
      outcome: "ACCEPTED",
      createdAt: { gt: start, lte: end },
      proposal: { clauseId },
      // An undone acceptance explains no change: its words went back.
      OR: [{ chairDecisionId: null }, { chairDecision: { undoneAt: null } }],
    },
    orderBy: { createdAt: "asc" },
    include: {
      decidedBy: { select: { name: true } },
      proposal: { select: { id: true, organization: { select: { code: true, name: true } } } },
    },
  });
  const accepted: Accepted[] = rows.map((row) => ({
    insertedText: row.insertedText,
    deletedText: row.deletedText,
    attribution: {
      by: "proposal",
      proposalId: row.proposal.id,
      delegation: row.proposal.organization,
      decision: { id: row.id, decidedBy: row.decidedBy.name, at: row.createdAt.toISOString(), reason: row.reason },
    },
  }));
  return ({ kind, text }) => {
    const change = normal(text);
    // Going back in time, words inserted then read as deleted now, and the other way round.
    const inserted = (kind === "insert") === forwards;
    const match = accepted.find((proposal) =>
      explains(inserted ? proposal.insertedText : proposal.deletedText, change),
    );
    return match ? match.attribution : { by: "chair", name: chair };
  };
}

/** The name of the organisation chairing the instrument ("the Chair" if none is recorded). */
export async function chairName(instrumentId: string): Promise<string> {
  const chair = await prisma.participant.findFirst({
    where: { instrumentId, role: "CHAIR" },
    orderBy: { organization: { name: "asc" } },
    select: { organization: { select: { name: true } } },
  });
  return chair?.organization.name ?? "The Chair";
}
