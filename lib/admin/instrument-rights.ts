// An administration command's own check: the acting person's organisation takes part in the
// instrument (else it does not exist for them: not found) and its role allows the action (else
// forbidden). Read inside the command's transaction, with the person's real `active` state.
import type { Tx } from "@/lib/commands/in-transaction";
import { AppError } from "@/lib/errors/app-error";
import { NOT_ALLOWED, NOT_FOUND } from "@/lib/errors/messages";
import { type Action, actorIn, can } from "@/lib/permissions/can";

export async function requireInstrumentRight(
  tx: Tx,
  by: { id: string; organizationId: string },
  instrumentId: string,
  action: Action,
) {
  const [person, instrument] = await Promise.all([
    tx.user.findUnique({ where: { id: by.id }, select: { active: true } }),
    tx.instrument.findUnique({
      where: { id: instrumentId },
      include: { participants: { where: { organizationId: by.organizationId } } },
    }),
  ]);
  const participation = instrument?.participants[0] ?? null;
  const actor = actorIn(
    { userId: by.id, organizationId: by.organizationId, active: person?.active ?? false },
    participation && instrument
      ? { role: participation.role, observersMayComment: instrument.observersMayComment }
      : null,
  );
  if (!instrument || !can(actor, "instrument.view")) throw new AppError("not_found", NOT_FOUND);
  if (!can(actor, action)) throw new AppError("forbidden", NOT_ALLOWED);
  const { participants: _, ...rest } = instrument;
  return { instrument: rest, actor };
}
