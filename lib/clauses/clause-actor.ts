// A person facing one clause: the Actor for the permissions module (their organisation's role in
// the clause's instrument) and the clause as a Target (who it is restricted to). Pure; the
// clause door and the notification bell both build it from the same rows.
import { type Actor, actorIn, type Person, type Target } from "@/lib/permissions/can";
import { effectiveRestriction } from "@/lib/permissions/restriction";

type Restrictions = { restrictions: { organizationId: string }[] };

/** The rows it needs, with the instrument's participants narrowed to the person's organisation. */
export type ClauseAccessRows = Restrictions & {
  chapter: Restrictions;
  instrument: { observersMayComment: boolean; participants: { role: NonNullable<Actor["role"]> }[] };
};

export function clauseActor(person: Person, clause: ClauseAccessRows): { actor: Actor; target: Target } {
  const participant = clause.instrument.participants[0];
  const actor = actorIn(
    person,
    participant ? { role: participant.role, observersMayComment: clause.instrument.observersMayComment } : null,
  );
  const restrictedTo = effectiveRestriction(
    clause.chapter.restrictions.map((r) => r.organizationId),
    clause.restrictions.map((r) => r.organizationId),
  );
  return { actor, target: { restrictedTo } };
}
