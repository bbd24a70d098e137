// The author's delegation says whom its proposal speaks for: "on behalf of CARICOM", "on behalf
// of the African Group". A label, not a delegation: a group need not take part in the instrument
// to be spoken for. Empty clears it. Audited.
import { z } from "zod";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { SessionUser } from "@/lib/auth/session-user";
import { withoutInvisible } from "@/lib/clause-model/invisible-characters";
import { clauseContext, requireCan } from "@/lib/clauses/clause-context";
import { announceClauseMessage } from "@/lib/clauses/clause-messages-server";
import { afterCommit, inTransaction, type Tx } from "@/lib/commands/in-transaction";
import { parseInput } from "@/lib/commands/parse-input";
import { requireOpen, sponsoredProposal } from "./sponsored-proposal";

export const MAX_GROUP_LABEL = 80;

export const ZNameSponsorGroup = z.object({
  clauseId: z.string(),
  proposalId: z.uuid("Not a proposal."),
  onBehalfOf: z
    .string({ message: "Say whom the proposal is made on behalf of, or leave it empty." })
    .trim()
    .max(MAX_GROUP_LABEL, `Keep "on behalf of" under ${MAX_GROUP_LABEL} characters.`)
    .refine((label) => !/\p{Cc}/u.test(label), "Write the group's name on one line.")
    .transform(withoutInvisible),
});
export type TNameSponsorGroup = z.infer<typeof ZNameSponsorGroup>;

export async function nameSponsorGroup(by: SessionUser, input: TNameSponsorGroup, tx?: Tx) {
  const { clauseId, proposalId, onBehalfOf } = parseInput(ZNameSponsorGroup, input);
  const ctx = await clauseContext(by, clauseId);
  return inTransaction(tx, async (tx) => {
    const { proposal, target } = await sponsoredProposal(tx, ctx, proposalId);
    requireCan(ctx.actor, "proposal.inviteSponsor", target);
    requireOpen(proposal);
    const label = onBehalfOf === "" ? null : onBehalfOf;
    if (label === proposal.onBehalfOf) return { onBehalfOf: label };
    await tx.proposal.update({ where: { id: proposalId }, data: { onBehalfOf: label } });
    await recordAuditEvent(tx, {
      action: "proposal.on-behalf-of-set",
      actor: by,
      instrumentId: ctx.clause.instrumentId,
      target: { type: "proposal", id: proposalId },
      details: { clauseId: ctx.clause.id, from: proposal.onBehalfOf, to: label },
    });
    afterCommit(tx, () => announceClauseMessage(ctx.clause.id, { type: "proposals.changed" }));
    return { onBehalfOf: label };
  });
}
