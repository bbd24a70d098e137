// The author's delegation invites another delegation to co-sponsor its proposal ("Australia,
// Canada and New Zealand"). Only a delegation of this instrument that sees the clause — one that
// could answer — may be invited; its people find the invitation in their bell. A delegation that
// declined may be invited again. Audited.
import { z } from "zod";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { SessionUser } from "@/lib/auth/session-user";
import { clauseContext, requireCan } from "@/lib/clauses/clause-context";
import { announceClauseMessage } from "@/lib/clauses/clause-messages-server";
import { afterCommit, inTransaction, type Tx } from "@/lib/commands/in-transaction";
import { parseInput } from "@/lib/commands/parse-input";
import { AppError } from "@/lib/errors/app-error";
import { raiseNotificationsChanged } from "@/lib/live/raise-live";
import { actorIn, can } from "@/lib/permissions/can";
import { delegationMembers } from "./delegation-members";
import { requireOpen, sponsoredProposal } from "./sponsored-proposal";

export const ZInviteSponsor = z.object({
  clauseId: z.string(),
  proposalId: z.uuid("Not a proposal."),
  organizationId: z.uuid("Choose the delegation to invite."),
});
export type TInviteSponsor = z.infer<typeof ZInviteSponsor>;

export const NOT_A_SPONSOR =
  "Only a delegation taking part in this instrument, and seeing this clause, can co-sponsor the proposal.";

export async function inviteSponsor(by: SessionUser, input: TInviteSponsor, tx?: Tx) {
  const { clauseId, proposalId, organizationId } = parseInput(ZInviteSponsor, input);
  const ctx = await clauseContext(by, clauseId);
  return inTransaction(tx, async (tx) => {
    const { proposal, target } = await sponsoredProposal(tx, ctx, proposalId);
    requireCan(ctx.actor, "proposal.inviteSponsor", target);
    requireOpen(proposal);
    if (organizationId === proposal.organizationId)
      throw new AppError("invalid_input", "Your delegation made this proposal: it is its author, not a co-sponsor.");
    // The invited delegation must be one that could answer: a delegation of this instrument
    // that sees this clause (a restricted clause's invitations stay among its delegations).
    const [participant, instrument] = await Promise.all([
      tx.participant.findUnique({
        where: { instrumentId_organizationId: { instrumentId: ctx.clause.instrumentId, organizationId } },
        include: { organization: { select: { code: true, name: true } } },
      }),
      tx.instrument.findUniqueOrThrow({
        where: { id: ctx.clause.instrumentId },
        select: { observersMayComment: true },
      }),
    ]);
    const invited = actorIn(
      { userId: "", organizationId, active: true },
      participant ? { role: participant.role, observersMayComment: instrument.observersMayComment } : null,
    );
    if (
      !participant ||
      !can(invited, "proposal.answerSponsorship", { ...target, sponsorOrganizationId: organizationId })
    )
      throw new AppError("invalid_input", NOT_A_SPONSOR);
    const existing = await tx.proposalSponsorship.findUnique({
      where: { proposalId_organizationId: { proposalId, organizationId } },
    });
    if (existing && existing.status !== "DECLINED")
      throw new AppError(
        "conflict",
        existing.status === "ACCEPTED"
          ? `${participant.organization.name} already co-sponsors this proposal.`
          : `${participant.organization.name} has been invited already.`,
      );
    const sponsorship = await tx.proposalSponsorship.upsert({
      where: { proposalId_organizationId: { proposalId, organizationId } },
      create: { proposalId, organizationId, invitedById: by.id },
      update: { status: "INVITED", invitedById: by.id, answeredById: null, fingerprint: "" },
    });
    const told = (await delegationMembers(tx, [organizationId])).filter((userId) => userId !== by.id);
    await tx.notification.createMany({
      data: told.map((userId) => ({
        userId,
        kind: "SPONSOR_INVITED" as const,
        actorId: by.id,
        clauseId: ctx.clause.id,
        proposalId,
      })),
    });
    raiseNotificationsChanged(tx, told);
    await recordAuditEvent(tx, {
      action: "proposal.sponsor-invited",
      actor: by,
      instrumentId: ctx.clause.instrumentId,
      target: { type: "proposal", id: proposalId },
      details: { clauseId: ctx.clause.id, sponsor: participant.organization.code },
    });
    afterCommit(tx, () => announceClauseMessage(ctx.clause.id, { type: "proposals.changed" }));
    return { sponsorshipId: sponsorship.id, status: sponsorship.status };
  });
}
