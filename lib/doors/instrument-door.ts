import "server-only";
// The older instrument door, still in front of the exports (administration writes are commands
// that check their own rights, lib/admin): session → zod → instrument and the organisation's
// role → permissions module, all before the handler runs. Someone whose organisation does not take part gets "not found";
// a participant whose role does not allow the action gets "not allowed".
import type { z } from "zod";
import type { SessionUser } from "@/lib/auth/session-user";
import { NOT_ALLOWED } from "@/lib/errors/messages";
import { findInstrumentAccess } from "@/lib/instruments/find-instrument-access";
import { type Action, type Actor, can } from "@/lib/permissions/can";
import { DoorRefusal, type DoorResult, NOT_FOUND } from "./door-result";
import { userDoor } from "./user-door";

type InstrumentAccess = NonNullable<Awaited<ReturnType<typeof findInstrumentAccess>>>;

export type InstrumentDoorContext = {
  user: SessionUser;
  actor: Actor;
  instrument: InstrumentAccess["instrument"];
};

export function instrumentDoor<S extends z.ZodType<{ instrumentId: string }>, R>(
  action: Action,
  input: S,
  handler: (context: InstrumentDoorContext, data: z.infer<S>) => Promise<R>,
): (raw: unknown) => Promise<DoorResult<R>> {
  return userDoor(action, input, async (user, data: z.infer<S>) => {
    const access = await findInstrumentAccess(user, data.instrumentId);
    if (!access || !can(access.actor, "instrument.view")) throw new DoorRefusal(404, NOT_FOUND);
    if (!can(access.actor, action)) throw new DoorRefusal(403, NOT_ALLOWED);
    return handler({ user, actor: access.actor, instrument: access.instrument }, data);
  });
}
