// Keeps the Proposal table in step with a clause's text: every proposal in the text is an
// OPEN row with its current words; an open row whose marks are gone from the text (withdrawn
// by its author, or its words edited away by the chair) becomes WITHDRAWN, and comes back if
// an undo restores it. Decided proposals are left as the decision recorded them.
// Each row keeps the fingerprint of its words; when an open proposal's words change (its author
// revises it), the positions given on the earlier words stop counting and their delegations
// are told (notify-revised-positions.ts). A withdrawn proposal's discussion closes ("Withdrawn");
// when an undo brings the proposal back, the discussion it closed opens again.

import { proposalFingerprint } from "@/lib/clause-model/proposal-fingerprint";
import type { ProposalInText } from "@/lib/clause-model/proposals-in-clause";
import { announceClauseMessage } from "@/lib/clauses/clause-messages-server";
import { afterCommit, type Tx } from "@/lib/commands/in-transaction";
import { closeProposalThreads, reopenProposalThreads } from "@/lib/comments/close-proposal-threads";
import { lockUntilCommit } from "@/lib/db/advisory-lock";
import { prisma } from "@/lib/db/prisma";
import { isUuid } from "@/lib/ids/uuid";
import { log } from "@/lib/log";
import { notifyRevisedSponsors } from "@/lib/sponsors/notify-revised-sponsors";
import { notifyRevisedPositions, type Revision } from "./notify-revised-positions";

/** The row already reads as the text does: same words (by fingerprint), same context. */
function sameWords(
  row: { fingerprint: string; contextBefore: string; contextAfter: string },
  words: { fingerprint: string; contextBefore: string; contextAfter: string },
) {
  return (
    row.fingerprint === words.fingerprint &&
    row.contextBefore === words.contextBefore &&
    row.contextAfter === words.contextAfter
  );
}

/** Brings the table in line with the proposals read from the text. Returns true when any row changed. */
/**
 * `within`: a transaction to index in, instead of one of its own.
 * `readAt`: when the text was read. A row reopened after that (an undone decision, stored before
 * its words reach the live text) is not taken for withdrawn on this older reading.
 */
export async function indexClauseProposals(
  clauseId: string,
  proposals: ProposalInText[],
  readAt: Date = new Date(),
  within?: Tx,
): Promise<boolean> {
  const inText = proposals.filter((p) => p.author && isUuid(p.author.authorId) && isUuid(p.author.organizationId));
  const index = async (tx: Tx) => {
    await lockUntilCommit(tx, { kind: "proposals", clauseId });
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
    // A citation the guard let through names an entry of the clause's library; looked up again
    // so that a row never points at an entry that is not there.
    const cited = [...new Set(inText.map((p) => p.citationId).filter((id): id is string => !!id && isUuid(id)))];
    const entries = cited.length
      ? await tx.agreedLanguageEntry.findMany({
          where: { id: { in: cited }, instrument: { clauses: { some: { id: clauseId } } } },
          select: { id: true },
        })
      : [];
    const knownEntries = new Set(entries.map((entry) => entry.id));
    const knownUsers = new Set(users.map((u) => u.id));
    const knownOrganizations = new Set(organizations.map((o) => o.id));
    let changed = false;
    const present = new Set<string>();
    const revisions: Revision[] = [];
    const restored: { proposalId: string; authorId: string; organizationId: string }[] = [];
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
        fingerprint: proposalFingerprint(proposal),
        kind: proposal.kind,
        insertedText: proposal.insertedText,
        deletedText: proposal.deletedText,
        contextBefore: proposal.contextBefore,
        contextAfter: proposal.contextAfter,
        citationId: proposal.citationId && knownEntries.has(proposal.citationId) ? proposal.citationId : null,
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
        if (row.status === "OPEN" && sameWords(row, words) && row.citationId === words.citationId) continue;
        await tx.proposal.update({ where: { id: proposal.id }, data: { ...words, status: "OPEN" } });
        if (row.status === "WITHDRAWN")
          restored.push({ proposalId: row.id, authorId: row.authorId, organizationId: row.organizationId });
        if (row.fingerprint !== words.fingerprint)
          revisions.push({
            proposalId: row.id,
            clauseId,
            authorId: row.authorId,
            previousFingerprint: row.fingerprint,
          });
        changed = true;
      }
    }
    const gone = rows.filter(
      (row) => row.clauseId === clauseId && row.status === "OPEN" && !present.has(row.id) && row.updatedAt <= readAt,
    );
    if (gone.length > 0) {
      await tx.proposal.updateMany({
        where: { id: { in: gone.map((row) => row.id) }, status: "OPEN" },
        data: { status: "WITHDRAWN" },
      });
      changed = true;
    }
    await notifyRevisedPositions(tx, revisions);
    await notifyRevisedSponsors(tx, revisions);
    const threads = [
      ...(await closeProposalThreads(tx, {
        withdrawn: gone.map((row) => ({
          proposalId: row.id,
          authorId: row.authorId,
          organizationId: row.organizationId,
        })),
      })),
      ...(await reopenProposalThreads(tx, { restored })),
    ];
    return { changed, threads };
  };
  // Inside a caller's transaction (a Word import writes a clause and its proposals in one), the
  // threads are announced once it has committed.
  const { changed, threads } = within ? await index(within) : await prisma.$transaction(index);
  const announce = () => {
    for (const threadId of threads) announceClauseMessage(clauseId, { type: "thread.changed", threadId });
  };
  if (within) afterCommit(within, announce);
  else announce();
  return changed;
}
