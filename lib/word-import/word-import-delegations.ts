// The organisations a Word author can be mapped to: those taking part in the instrument, with
// what each may bring in — proposals need a delegation that may propose wording, comments one
// that may comment (lib/permissions/can.ts, asked as that organisation).
import type { Tx } from "@/lib/commands/in-transaction";
import { actorIn, can } from "@/lib/permissions/can";

export type ImportDelegation = {
  id: string;
  code: string;
  name: string;
  colour: string;
  maySuggest: boolean;
  mayComment: boolean;
};

export async function importDelegations(tx: Tx, instrumentId: string, by: { id: string }): Promise<ImportDelegation[]> {
  const instrument = await tx.instrument.findUniqueOrThrow({
    where: { id: instrumentId },
    select: {
      observersMayComment: true,
      participants: { include: { organization: { select: { id: true, code: true, name: true, colour: true } } } },
    },
  });
  return instrument.participants
    .map(({ organization, role }) => {
      const actor = actorIn(
        { userId: by.id, organizationId: organization.id, active: true },
        { role, observersMayComment: instrument.observersMayComment },
      );
      return { ...organization, maySuggest: can(actor, "clause.suggest"), mayComment: can(actor, "thread.create") };
    })
    .filter((delegation) => delegation.maySuggest || delegation.mayComment)
    .sort((a, b) => a.name.localeCompare(b.name));
}
