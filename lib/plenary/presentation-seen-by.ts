// Whether a person may be told what is presented: its article's number and title, and that it
// runs. A presentation is checked when it starts, but its clause may be restricted afterwards (or
// the person lose the instrument): each screen that asks later — a socket joining a clause, the
// plenary page — is answered from the person's access now, never from the start's.
import type { SessionUser } from "@/lib/auth/session-user";
import { findClauseAccess } from "@/lib/clauses/find-clause-access";
import type { Presentation } from "./plenary-messages";

/** The presentation if this person may see it now, else null. */
export async function presentationSeenBy(
  user: SessionUser,
  presentation: Presentation | null,
): Promise<Presentation | null> {
  if (!presentation) return null;
  const access = await findClauseAccess(user, presentation.clauseId);
  // A restricted clause is never presented, not even to the delegations it is restricted to.
  if (!access || (access.target.restrictedTo?.length ?? 0) > 0) return null;
  return presentation;
}
