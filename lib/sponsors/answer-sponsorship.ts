// The invited delegation answers: it co-sponsors the proposal — on the words it was shown, whose
// fingerprint it sends back, refused if the author revised them since — or declines (also after
// accepting: it takes its name off). Only the delegation invited answers, for itself: which
// delegation answers comes from the session, never from what the browser sends. The author and
// the person who invited are told; audited.
import { z } from "zod";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { SessionUser } from "@/lib/auth/session-user";
import { clauseContext, requireCan } from "@/lib/clauses/clause-context";
import { announceClauseMessage } from "@/lib/clauses/clause-messages-server";
import { afterCommit, inTransaction, type Tx } from "@/lib/commands/in-transaction";
import { parseInput } from "@/lib/commands/parse-input";
import { AppError } from "@/lib/errors/app-error";
import { raiseNotificationsChanged } from "@/lib/live/raise-live";
import { can } from "@/lib/permissions/can";
import { PROPOSAL_CHANGED } from "@/lib/proposals/decide-proposals";
import { requireOpen, sponsoredProposal } from "./sponsored-proposal";

export const ZAnswerSponsorship = z.object({
  clauseId: z.string(),
  proposalId: z.uuid("Not a proposal."),
  answer: z.enum(["ACCEPT", "DECLINE"], { message: "Answer accept or decline." }),
  fingerprint: z
    .string({ message: "Say which words you co-sponsor (the proposal's fingerprint). Reload and try again." })
    .regex(/^[0-9a-f]{64}$/, "Not a proposal fingerprint."),
});
export type TAnswerSponsorship = z.infer<typeof ZAnswerSponsorship>;

export const NOT_INVITED = "Your delegation has not been invited to co-sponsor this proposal.";

export async function answerSponsorship(by: SessionUser, input: TAnswerSponsorship, tx?: Tx) {
  const { clauseId, proposalId, answer, fingerprint } = parseInput(ZAnswerSponsorship, input);
  const ctx = await clauseContext(by, clauseId);
  return inTransaction(tx, async (tx) => {
    const { proposal, target } = await sponsoredProposal(tx, ctx, proposalId);
    const sponsorship = await tx.proposalSponsorship.findUnique({
      where: { proposalId_organizationId: { proposalId, organizationId: by.organizationId } },
    });
    // A delegate whose delegation could answer, had it been invited, is told it was not.
    if (
      !sponsorship &&
      can(ctx.actor, "proposal.answerSponsorship", { ...target, sponsorOrganizationId: by.organizationId })
    )
      throw new AppError("forbidden", NOT_INVITED);
    requireCan(ctx.actor, "proposal.answerSponsorship", {
      ...target,
      sponsorOrganizationId: sponsorship?.organizationId,
    });
    if (!sponsorship) throw new AppError("forbidden", NOT_INVITED);
    requireOpen(proposal);
    if (proposal.fingerprint !== fingerprint) throw new AppError("conflict", PROPOSAL_CHANGED);
    const status = answer === "ACCEPT" ? "ACCEPTED" : "DECLINED";
    await tx.proposalSponsorship.update({
      where: { id: sponsorship.id },
      data: { status, answeredById: by.id, fingerprint: status === "ACCEPTED" ? fingerprint : "" },
    });
    // The invitation (or the request to confirm after a revision) is answered, for the whole delegation.
    await tx.notification.updateMany({
      where: {
        kind: { in: ["SPONSOR_INVITED", "SPONSORED_REVISED"] },
        proposalId,
        readAt: null,
        user: { memberships: { some: { organizationId: by.organizationId } } },
      },
      data: { readAt: new Date() },
    });
    const told = [...new Set([proposal.authorId, sponsorship.invitedById])].filter((userId) => userId !== by.id);
    await tx.notification.createMany({
      data: told.map((userId) => ({
        userId,
        kind: "SPONSOR_ANSWERED" as const,
        actorId: by.id,
        clauseId: ctx.clause.id,
        proposalId,
      })),
    });
    raiseNotificationsChanged(tx, [...told, by.id]);
    await recordAuditEvent(tx, {
      action: status === "ACCEPTED" ? "proposal.sponsorship-accepted" : "proposal.sponsorship-declined",
      actor: by,
      instrumentId: ctx.clause.instrumentId,
      target: { type: "proposal", id: proposalId },
      details: { clauseId: ctx.clause.id, author: proposal.organization.code },
    });
    afterCommit(tx, () => announceClauseMessage(ctx.clause.id, { type: "proposals.changed" }));
    return { status };
  });
}
