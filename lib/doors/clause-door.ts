import "server-only";
// The door every clause-level write goes through: resolves the session, loads the clause and
// the organisation's role, asks the permissions module, and parses the input with zod — all
// before the handler runs. A handler written without it has no user, clause or input to use.
import type { z } from "zod";
import type { SessionUser } from "@/lib/auth/session-user";
import { findClauseAccess } from "@/lib/clauses/find-clause-access";
import { type Action, type Actor, can, type Target } from "@/lib/permissions/can";
import { DoorRefusal, type DoorResult, NOT_FOUND } from "./door-result";
import { userDoor } from "./user-door";

type ClauseAccess = NonNullable<Awaited<ReturnType<typeof findClauseAccess>>>;

export type ClauseDoorContext = {
  user: SessionUser;
  actor: Actor;
  clause: ClauseAccess["clause"];
  /**
   * Refuses (403, or 404 when `hidden`) unless the permissions module allows `action` on `target`.
   * The clause's own restriction always applies, whatever `target` says.
   */
  require(action: Action, target?: Target, options?: { hidden?: boolean }): void;
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
    const require: ClauseDoorContext["require"] = (needed, target = {}, options = {}) => {
      if (can(access.actor, needed, { ...target, restrictedTo: access.target.restrictedTo })) return;
      if (options.hidden) throw new DoorRefusal(404, NOT_FOUND);
      throw new DoorRefusal(403, "Your delegation's role does not allow this.");
    };
    require(action);
    return handler({ user, actor: access.actor, clause: access.clause, require }, data);
  });
}
