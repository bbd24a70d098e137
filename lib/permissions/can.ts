// Who may do what — the one place that decides. Pure: no I/O, no framework.
// Every door (pages, route handlers, server actions, the collaboration socket) asks `can`.
import type { Role } from "./roles";

/** A signed-in person acting through their organisation in one instrument. */
export type Actor = {
  userId: string;
  organizationId: string;
  active: boolean;
  /** The organisation's role in the instrument; null when it does not take part. */
  role: Role | null;
};

export type Action =
  /** See the instrument, its chapters and clause list. */
  | "instrument.view"
  /** Open a clause and read its text live. */
  | "clause.view"
  /** Change the text of a clause in the collaborative editor. */
  | "clause.editText";

const ALLOWED: Record<Action, readonly Role[]> = {
  "instrument.view": ["CHAIR", "DELEGATE", "OBSERVER", "READER"],
  "clause.view": ["CHAIR", "DELEGATE", "OBSERVER", "READER"],
  "clause.editText": ["CHAIR", "DELEGATE"],
};

export function can(actor: Actor | null, action: Action): boolean {
  if (!actor?.active || actor.role === null) return false;
  return ALLOWED[action].includes(actor.role);
}
