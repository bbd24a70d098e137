// Who is acting on a clause's comments: the signed-in person, their role in the instrument
// (an Actor for the permissions module) and the clause. The clause door builds it; every
// command below checks its own target with `can` before touching anything.
import type { SessionUser } from "@/lib/auth/session-user";
import { DoorRefusal, NOT_FOUND } from "@/lib/doors/door-result";
import { type Action, type Actor, can, type Target } from "@/lib/permissions/can";

export type CommentContext = {
  user: SessionUser;
  actor: Actor;
  clause: { id: string; instrumentId: string };
};

/** Refuses unless the permissions module allows it; `hidden` answers "not found" instead of "forbidden". */
export function requireCan(actor: Actor, action: Action, target: Target = {}, hidden = false): void {
  if (can(actor, action, target)) return;
  if (hidden) throw new DoorRefusal(404, NOT_FOUND);
  throw new DoorRefusal(403, "Your delegation's role does not allow this.");
}
