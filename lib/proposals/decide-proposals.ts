// The chair's decision on proposals: one, all of a delegation's, or all in a clause. The
// decision is applied to the clause's live text on the server (so everyone sees it at once),
// and in one transaction the resulting Yjs update is saved, each proposal's status set and each
// decision recorded (who, when, why, proposed and resulting text).
import * as Y from "yjs";
import { z } from "zod";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { SessionUser } from "@/lib/auth/session-user";
import { proposalsInClause } from "@/lib/clause-model/proposals-in-clause";
import { readClause } from "@/lib/clause-model/read-clause";
import { announceClauseEvent } from "@/lib/collab/announce-clause-event";
import { clauseDocumentName } from "@/lib/collab/clause-document-name";
import { recordServerWrite } from "@/lib/collab/client-id-ownership";
import { collabInstance } from "@/lib/collab/collab-instance";
import { prisma } from "@/lib/db/prisma";
import { CLAUSE_FRAGMENT } from "@/lib/editor/extensions";
import { decideInFragment, type Outcome } from "@/lib/editor/suggestions/decide-in-fragment";
import { PROPOSALS_CHANGED } from "./proposal-index";

export type DecisionScope = { proposalId: string } | { organizationId: string } | { all: true };

/** What the chair sends: which proposals, accept or reject, and why (optional). */
export const ZDecision = z.object({
  scope: z.union([
    z.object({ proposalId: z.uuid("Not a proposal.") }),
    z.object({ organizationId: z.string().uuid("Not a delegation.") }),
    z.object({ all: z.literal(true) }),
  ]),
  outcome: z.enum(["ACCEPTED", "REJECTED"], { message: "Choose accept or reject." }),
  reason: z.string().trim().max(2000, "Keep the reason under 2,000 characters.").optional(),
});

export type DecideInput = {
  clauseId: string;
  scope: DecisionScope;
  outcome: Outcome;
  reason: string | null;
  decidedById: string;
  /** For the audit trail: who decided, through which delegation, in which instrument. */
  decidedBy?: Pick<SessionUser, "id" | "name" | "organizationId" | "organizationCode">;
  instrumentId?: string;
};

export class NothingToDecide extends Error {}

export async function decideProposals(input: DecideInput): Promise<{ decided: string[] }> {
  const collab = collabInstance();
  if (!collab) throw new Error("the collaboration server is not running in this process");
  const connection = await collab.openDirectConnection(clauseDocumentName(input.clauseId), {
    system: "decide-proposals",
  });
  try {
    const live = connection.document as Y.Doc;
    const open = await prisma.proposal.findMany({
      where: {
        clauseId: input.clauseId,
        status: "OPEN",
        ...("proposalId" in input.scope ? { id: input.scope.proposalId } : {}),
        ...("organizationId" in input.scope ? { organizationId: input.scope.organizationId } : {}),
      },
    });
    // Work on a copy: the live text changes only once the decision is stored.
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(live));
    const inText = new Map(proposalsInClause(readClause(copy)).map((p) => [p.id, p]));
    const chosen = open.filter((row) => inText.has(row.id));
    if (chosen.length === 0)
      throw new NothingToDecide("These proposals are no longer open: someone decided or withdrew them.");
    const before = Y.encodeStateVector(copy);
    decideInFragment(copy.getXmlFragment(CLAUSE_FRAGMENT), new Set(chosen.map((row) => row.id)), input.outcome);
    const update = Y.encodeStateAsUpdate(copy, before);
    copy.destroy();
    const decided = await prisma.$transaction(
      async (tx) => {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`proposals:${input.clauseId}`}))`;
        const still = await tx.proposal.findMany({
          where: { id: { in: chosen.map((row) => row.id) }, status: "OPEN" },
        });
        if (still.length !== chosen.length)
          throw new NothingToDecide("Someone decided some of these proposals just now. Look again.");
        const now = new Date();
        await tx.clauseUpdate.create({
          data: { clauseId: input.clauseId, update: Buffer.from(update), userId: input.decidedById },
        });
        await recordServerWrite(tx, input.clauseId, update);
        for (const row of still) {
          const current = inText.get(row.id);
          const kept = input.outcome === "ACCEPTED" ? (current?.insertedText ?? "") : (current?.deletedText ?? "");
          await tx.proposal.update({ where: { id: row.id }, data: { status: input.outcome, decidedAt: now } });
          await tx.proposalDecision.create({
            data: {
              proposalId: row.id,
              outcome: input.outcome,
              reason: input.reason,
              decidedById: input.decidedById,
              insertedText: current?.insertedText ?? row.insertedText,
              deletedText: current?.deletedText ?? row.deletedText,
              resultingText: `${current?.contextBefore ?? row.contextBefore}${kept}${current?.contextAfter ?? row.contextAfter}`,
              createdAt: now,
            },
          });
        }
        // A decision settles the text: it belongs in the tamper-evident record.
        await recordAuditEvent(tx, {
          action: input.outcome === "ACCEPTED" ? "proposal.accepted" : "proposal.rejected",
          actor: input.decidedBy ?? { id: input.decidedById, name: "" },
          instrumentId: input.instrumentId ?? null,
          target: { type: "clause", id: input.clauseId },
          details: { proposals: still.map((row) => row.id), reason: input.reason },
        });
        return still.map((row) => row.id);
      },
      { timeout: 20_000 },
    );
    // Stored: now everyone sees it (Hocuspocus broadcasts the update to every open editor).
    Y.applyUpdate(live, update);
    announceClauseEvent(input.clauseId, { type: PROPOSALS_CHANGED });
    return { decided };
  } finally {
    await connection.disconnect();
  }
}
