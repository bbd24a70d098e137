// Keeps the Proposal table in step with a clause's text: every proposal in the text is an
// OPEN row with its current words; an open row whose marks are gone from the text (withdrawn
// by its author, or its words edited away by the chair) becomes WITHDRAWN, and comes back if
// an undo restores it. Decided proposals are left as the decision recorded them.

import type { ProposalInText } from "@/lib/clause-model/proposals-in-clause";
import { prisma } from "@/lib/db/prisma";
import { log } from "@/lib/log";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function sameWords(
  row: { kind: string; insertedText: string; deletedText: string; contextBefore: string; contextAfter: string },
  p: ProposalInText,
) {
  return (
    row.kind === p.kind &&
    row.insertedText === p.insertedText &&
    row.deletedText === p.deletedText &&
    row.contextBefore === p.contextBefore &&
    row.contextAfter === p.contextAfter
  );
}

/** Brings the table in line with the proposals read from the text. Returns true when any row changed. */
export async function indexClauseProposals(clauseId: string, proposals: ProposalInText[]): Promise<boolean> {
  const inText = proposals.filter(
    (p) => p.author && UUID.test(p.author.authorId) && UUID.test(p.author.organizationId),
  );
  return prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`proposals:${clauseId}`}))`;
    const rows = await tx.proposal.findMany({ where: { OR: [{ clauseId }, { id: { in: inText.map((p) => p.id) } }] } });
    const byId = new Map(rows.map((row) => [row.id, row]));
    // Marks can name people who do not exist (text pasted from elsewhere): those are not indexed.
    const [users, organizations] = await Promise.all([
      tx.user.findMany({
        where: { id: { in: inText.map((p) => p.author?.authorId as string) } },
        select: { id: true },
      }),
      tx.organization.findMany({
        where: { id: { in: inText.map((p) => p.author?.organizationId as string) } },
        select: { id: true },
      }),
    ]);
    const knownUsers = new Set(users.map((u) => u.id));
    const knownOrganizations = new Set(organizations.map((o) => o.id));
    let changed = false;
    const present = new Set<string>();
    for (const proposal of inText) {
      const author = proposal.author as NonNullable<ProposalInText["author"]>;
      if (!knownUsers.has(author.authorId) || !knownOrganizations.has(author.organizationId)) continue;
      const row = byId.get(proposal.id);
      if (row && row.clauseId !== clauseId) {
        log.warn(
          { event: "proposals.foreign-id", clauseId, proposalId: proposal.id },
          "proposal id belongs to another clause",
        );
        continue;
      }
      present.add(proposal.id);
      const words = {
        kind: proposal.kind,
        insertedText: proposal.insertedText,
        deletedText: proposal.deletedText,
        contextBefore: proposal.contextBefore,
        contextAfter: proposal.contextAfter,
      };
      if (!row) {
        await tx.proposal.create({
          data: {
            id: proposal.id,
            clauseId,
            ...words,
            authorId: author.authorId,
            organizationId: author.organizationId,
            proposedAt: proposal.at && !Number.isNaN(Date.parse(proposal.at)) ? new Date(proposal.at) : new Date(),
          },
        });
        changed = true;
      } else if (row.status === "OPEN" || row.status === "WITHDRAWN") {
        if (row.status === "OPEN" && sameWords(row, proposal)) continue;
        await tx.proposal.update({ where: { id: proposal.id }, data: { ...words, status: "OPEN" } });
        changed = true;
      }
    }
    const gone = rows.filter((row) => row.clauseId === clauseId && row.status === "OPEN" && !present.has(row.id));
    if (gone.length > 0) {
      await tx.proposal.updateMany({
        where: { id: { in: gone.map((row) => row.id) }, status: "OPEN" },
        data: { status: "WITHDRAWN" },
      });
      changed = true;
    }
    return changed;
  });
}
