import "server-only";
// The older clause door, still in front of the proposals routes: resolves the session, parses the
// input with zod, loads the clause and the organisation's role and asks the permissions module —
// all before the handler runs. New writes are commands behind route-door.ts / action-door.ts,
// which check their own rights (as the comment commands do).
import type { z } from "zod";
import type { SessionUser } from "@/lib/auth/session-user";
import { findClauseAccess } from "@/lib/clauses/find-clause-access";
import { NOT_ALLOWED } from "@/lib/errors/messages";
import { type Action, type Actor, can } from "@/lib/permissions/can";
import { DoorRefusal, type DoorResult, NOT_FOUND } from "./door-result";
import { userDoor } from "./user-door";

type ClauseAccess = NonNullable<Awaited<ReturnType<typeof findClauseAccess>>>;

export type ClauseDoorContext = {
  user: SessionUser;
  actor: Actor;
  clause: ClauseAccess["clause"];
};

export function clauseDoor<S extends z.ZodType<{ clauseId: string }>, R>(
  action: Action,
  input: S,
  handler: (context: ClauseDoorContext, data: z.infer<S>) => Promise<R>,
): (raw: unknown) => Promise<DoorResult<R>> {
  return userDoor(action, input, async (user, data: z.infer<S>) => {
    // null for a clause this person may not see, restricted ones included: not found.
    const access = await findClauseAccess(user, data.clauseId);
    if (!access) throw new DoorRefusal(404, NOT_FOUND);
    if (!can(access.actor, action, access.target)) throw new DoorRefusal(403, NOT_ALLOWED);
    return handler({ user, actor: access.actor, clause: access.clause }, data);
  });
}
