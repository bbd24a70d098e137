// Who is acting on a clause: the signed-in person, their role in the instrument (an Actor for the
// permissions module), the clause, and the clause as a Target (who it is restricted to). Every
// clause command — comments, proposals — builds it first (a clause the person may not see is
// "not found") and checks its own action with `requireCan`.
import type { SessionUser } from "@/lib/auth/session-user";
import { findClauseAccess } from "@/lib/clauses/find-clause-access";
import { AppError } from "@/lib/errors/app-error";
import { NOT_ALLOWED, NOT_FOUND } from "@/lib/errors/messages";
import { type Action, type Actor, can, type Target } from "@/lib/permissions/can";

export type ClauseContext = {
  user: SessionUser;
  actor: Actor;
  clause: { id: string; instrumentId: string };
  target: Target;
};

export async function clauseContext(by: SessionUser, clauseId: string): Promise<ClauseContext> {
  const access = await findClauseAccess(by, clauseId);
  if (!access) throw new AppError("not_found", NOT_FOUND);
  return { user: by, actor: access.actor, clause: access.clause, target: access.target };
}

/** Refuses unless the permissions module allows it; `hidden` answers "not found" instead of "forbidden". */
export function requireCan(actor: Actor, action: Action, target: Target = {}, hidden = false): void {
  if (can(actor, action, target)) return;
  if (hidden) throw new AppError("not_found", NOT_FOUND);
  throw new AppError("forbidden", NOT_ALLOWED);
}
