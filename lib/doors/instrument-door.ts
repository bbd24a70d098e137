import "server-only";
// The door every instrument-level (administration) write goes through, in the style of
// clause-door.ts: session → instrument and the organisation's role → permissions module → zod,
// all before the handler runs. Someone whose organisation does not take part gets "not found";
// a participant whose role does not allow the action gets "not allowed".
import type { z } from "zod";
import { getCurrentUser } from "@/lib/auth/current-user";
import type { SessionUser } from "@/lib/auth/session-user";
import { findInstrumentAccess } from "@/lib/instruments/find-instrument-access";
import { log } from "@/lib/log";
import { type Action, type Actor, can } from "@/lib/permissions/can";
import { DoorRefusal, type DoorResult, NOT_FOUND } from "./door-result";

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
  return async (raw) => {
    try {
      const user = await getCurrentUser();
      if (!user) throw new DoorRefusal(401, "Your session has ended. Sign in again.");
      const parsed = input.safeParse(raw);
      if (!parsed.success) throw new DoorRefusal(400, parsed.error.issues.map((issue) => issue.message).join("; "));
      const access = await findInstrumentAccess(user, parsed.data.instrumentId);
      if (!access || !can(access.actor, "instrument.view")) throw new DoorRefusal(404, NOT_FOUND);
      if (!can(access.actor, action)) throw new DoorRefusal(403, "Your delegation's role does not allow this.");
      const value = await handler({ user, actor: access.actor, instrument: access.instrument }, parsed.data);
      return { ok: true, value };
    } catch (error) {
      if (error instanceof DoorRefusal) {
        log.warn({ event: "door.refused", action, status: error.status, reason: error.message }, "request refused");
        return { ok: false, status: error.status, error: error.message };
      }
      log.error({ event: "door.failed", action, err: error }, "request failed");
      return {
        ok: false,
        status: 503,
        error: "The server could not complete this just now. Nothing was changed; try again.",
      };
    }
  };
}
